package io.github.mcpmonitoring.mcp;

import java.time.Duration;
import java.util.List;

import io.github.mcpmonitoring.core.SettingChecks;
import io.github.mcpmonitoring.toolcall.ServerTool;
import io.github.mcpmonitoring.toolcall.ToolCalls;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.spec.McpSchema;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Wraps the call handler of MCP tool specifications (sync and async, stateful and stateless) so that every call is
 * recorded once under the tool's name; the tool definition is kept as it is.
 */
public class ToolSpecificationInstrumenter {

	private static final Log logger = LogFactory.getLog(ToolSpecificationInstrumenter.class);

	private final ToolCalls toolCalls;

	private final long defaultSlowThresholdNanos;

	private final List<InstrumentedToolListener> listeners;

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
		this.toolCalls = toolCalls;
		this.defaultSlowThresholdNanos = SettingChecks.requireNonNegative("defaultSlowThreshold", defaultSlowThreshold)
			.toNanos();
		this.listeners = List.copyOf(listeners);
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
		return McpServerFeatures.SyncToolSpecification.builder()
			.tool(spec.tool())
			.callHandler(new InstrumentedSyncToolHandler<>(spec.callHandler(), serverTool(spec.tool())))
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
		return McpServerFeatures.AsyncToolSpecification.builder()
			.tool(spec.tool())
			.callHandler(new InstrumentedAsyncToolHandler<>(spec.callHandler(), serverTool(spec.tool())))
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
		return McpStatelessServerFeatures.SyncToolSpecification.builder()
			.tool(spec.tool())
			.callHandler(new InstrumentedSyncToolHandler<>(spec.callHandler(), serverTool(spec.tool())))
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
		return McpStatelessServerFeatures.AsyncToolSpecification.builder()
			.tool(spec.tool())
			.callHandler(new InstrumentedAsyncToolHandler<>(spec.callHandler(), serverTool(spec.tool())))
			.build();
	}

	private ServerTool serverTool(McpSchema.Tool tool) {
		ServerTool serverTool = this.toolCalls.serverTool(tool.name(), this.defaultSlowThresholdNanos);
		for (InstrumentedToolListener listener : this.listeners) {
			tell(listener, tool, serverTool);
		}
		return serverTool;
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
