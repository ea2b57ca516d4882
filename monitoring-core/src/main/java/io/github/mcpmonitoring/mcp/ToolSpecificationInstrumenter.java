package io.github.mcpmonitoring.mcp;

import java.time.Duration;
import java.util.List;
import java.util.function.BiFunction;

import io.github.mcpmonitoring.core.SettingChecks;
import io.github.mcpmonitoring.toolcall.ServerTool;
import io.github.mcpmonitoring.toolcall.ToolCalls;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

/**
 * Wraps the call handler of MCP tool specifications (sync and async, stateful and stateless) so that every call is
 * recorded once under the tool's name, and the size of each result when {@link ToolResultSizes} are given; the tool
 * definition is kept as it is.
 */
public class ToolSpecificationInstrumenter {

	private static final Log logger = LogFactory.getLog(ToolSpecificationInstrumenter.class);

	private final ToolCalls toolCalls;

	private final long defaultSlowThresholdNanos;

	private final List<InstrumentedToolListener> listeners;

	private final ToolResultSizes resultSizes;

	/**
	 * Create an instrumenter.
	 * @param toolCalls where each tool's calls are counted once
	 * @param defaultSlowThreshold slow-call threshold of tools whose annotation does not set one
	 */
	public ToolSpecificationInstrumenter(ToolCalls toolCalls, Duration defaultSlowThreshold) {
		this(toolCalls, defaultSlowThreshold, List.of());
	}

	/**
	 * Create an instrumenter that tells listeners about each tool it instruments.
	 * @param toolCalls where each tool's calls are counted once
	 * @param defaultSlowThreshold slow-call threshold of tools whose annotation does not set one
	 * @param listeners told about each instrumented tool, in their order
	 */
	public ToolSpecificationInstrumenter(ToolCalls toolCalls, Duration defaultSlowThreshold,
			List<InstrumentedToolListener> listeners) {
		this(toolCalls, defaultSlowThreshold, listeners, null);
	}

	/**
	 * Create an instrumenter that tells listeners about each tool it instruments and records the size of each tool
	 * result.
	 * @param toolCalls where each tool's calls are counted once
	 * @param defaultSlowThreshold slow-call threshold of tools whose annotation does not set one
	 * @param listeners told about each instrumented tool, in their order
	 * @param resultSizes where the size of each tool result is recorded, or {@code null} to record none
	 */
	public ToolSpecificationInstrumenter(ToolCalls toolCalls, Duration defaultSlowThreshold,
			List<InstrumentedToolListener> listeners, ToolResultSizes resultSizes) {
		this.toolCalls = toolCalls;
		this.defaultSlowThresholdNanos = SettingChecks.requireNonNegative("defaultSlowThreshold", defaultSlowThreshold)
			.toNanos();
		this.listeners = List.copyOf(listeners);
		this.resultSizes = resultSizes;
	}

	/**
	 * Tell whether an object is a tool specification this instrumenter handles.
	 * @param candidate the object
	 * @return whether it is a tool specification
	 */
	public static boolean isToolSpecification(Object candidate) {
		return candidate instanceof McpServerFeatures.SyncToolSpecification
				|| candidate instanceof McpServerFeatures.AsyncToolSpecification
				|| candidate instanceof McpStatelessServerFeatures.SyncToolSpecification
				|| candidate instanceof McpStatelessServerFeatures.AsyncToolSpecification;
	}

	/**
	 * Return an instrumented copy of a tool specification; anything else, and specifications already instrumented,
	 * are returned as they are.
	 * @param candidate the object
	 * @return the instrumented specification, or the object itself
	 */
	public Object instrument(Object candidate) {
		if (candidate instanceof McpServerFeatures.SyncToolSpecification spec) {
			return instrument(spec);
		}
		if (candidate instanceof McpServerFeatures.AsyncToolSpecification spec) {
			return instrument(spec);
		}
		if (candidate instanceof McpStatelessServerFeatures.SyncToolSpecification spec) {
			return instrument(spec);
		}
		if (candidate instanceof McpStatelessServerFeatures.AsyncToolSpecification spec) {
			return instrument(spec);
		}
		return candidate;
	}

	/**
	 * Return an instrumented copy of a synchronous tool specification.
	 * @param spec the specification
	 * @return the instrumented specification
	 */
	public McpServerFeatures.SyncToolSpecification instrument(McpServerFeatures.SyncToolSpecification spec) {
		if (spec.callHandler() instanceof InstrumentedSyncToolHandler) {
			return spec;
		}
		ServerTool serverTool = serverTool(spec.tool());
		return McpServerFeatures.SyncToolSpecification.builder()
			.tool(spec.tool())
			.callHandler(new InstrumentedSyncToolHandler<>(sizedSync(spec.callHandler(), serverTool), serverTool))
			.build();
	}

	/**
	 * Return an instrumented copy of an asynchronous tool specification.
	 * @param spec the specification
	 * @return the instrumented specification
	 */
	public McpServerFeatures.AsyncToolSpecification instrument(McpServerFeatures.AsyncToolSpecification spec) {
		if (spec.callHandler() instanceof InstrumentedAsyncToolHandler) {
			return spec;
		}
		ServerTool serverTool = serverTool(spec.tool());
		return McpServerFeatures.AsyncToolSpecification.builder()
			.tool(spec.tool())
			.callHandler(new InstrumentedAsyncToolHandler<>(sizedAsync(spec.callHandler(), serverTool), serverTool))
			.build();
	}

	/**
	 * Return an instrumented copy of a stateless synchronous tool specification.
	 * @param spec the specification
	 * @return the instrumented specification
	 */
	public McpStatelessServerFeatures.SyncToolSpecification instrument(
			McpStatelessServerFeatures.SyncToolSpecification spec) {
		if (spec.callHandler() instanceof InstrumentedSyncToolHandler) {
			return spec;
		}
		ServerTool serverTool = serverTool(spec.tool());
		return McpStatelessServerFeatures.SyncToolSpecification.builder()
			.tool(spec.tool())
			.callHandler(new InstrumentedSyncToolHandler<>(sizedSync(spec.callHandler(), serverTool), serverTool))
			.build();
	}

	/**
	 * Return an instrumented copy of a stateless asynchronous tool specification.
	 * @param spec the specification
	 * @return the instrumented specification
	 */
	public McpStatelessServerFeatures.AsyncToolSpecification instrument(
			McpStatelessServerFeatures.AsyncToolSpecification spec) {
		if (spec.callHandler() instanceof InstrumentedAsyncToolHandler) {
			return spec;
		}
		ServerTool serverTool = serverTool(spec.tool());
		return McpStatelessServerFeatures.AsyncToolSpecification.builder()
			.tool(spec.tool())
			.callHandler(new InstrumentedAsyncToolHandler<>(sizedAsync(spec.callHandler(), serverTool), serverTool))
			.build();
	}

	private ServerTool serverTool(McpSchema.Tool tool) {
		ServerTool serverTool = this.toolCalls.serverTool(tool.name(), this.defaultSlowThresholdNanos);
		for (InstrumentedToolListener listener : this.listeners) {
			tell(listener, tool, serverTool);
		}
		return serverTool;
	}

	/** The handler, recording the size of its results under the name the tool's calls are recorded under. */
	private <E> BiFunction<E, CallToolRequest, CallToolResult> sizedSync(
			BiFunction<E, CallToolRequest, CallToolResult> handler, ServerTool serverTool) {
		ToolResultSize resultSize = resultSize(serverTool);
		return (resultSize != null) ? resultSize.sync(handler) : handler;
	}

	/** The handler, recording the size of its results under the name the tool's calls are recorded under. */
	private <E> BiFunction<E, CallToolRequest, Mono<CallToolResult>> sizedAsync(
			BiFunction<E, CallToolRequest, Mono<CallToolResult>> handler, ServerTool serverTool) {
		ToolResultSize resultSize = resultSize(serverTool);
		return (resultSize != null) ? resultSize.async(handler) : handler;
	}

	private ToolResultSize resultSize(ServerTool serverTool) {
		return (this.resultSizes != null) ? this.resultSizes.forTool(serverTool.recordedName()) : null;
	}

	private static void tell(InstrumentedToolListener listener, McpSchema.Tool tool, ServerTool serverTool) {
		try {
			listener.instrumented(tool, serverTool);
		}
		catch (Throwable ex) {
			// The tool is still instrumented: only what the listener adds is missing, and the server must start.
			logger.warn("Instrumented-tool listener " + listener.getClass().getName() + " failed for tool '"
					+ tool.name() + "'; the tool's calls are still recorded", ex);
		}
	}

}
