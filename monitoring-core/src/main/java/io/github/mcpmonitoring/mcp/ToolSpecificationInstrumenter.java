package io.github.mcpmonitoring.mcp;

import java.time.Duration;

import io.github.mcpmonitoring.core.SettingChecks;
import io.github.mcpmonitoring.toolcall.ServerTool;
import io.github.mcpmonitoring.toolcall.ToolCalls;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.spec.McpSchema;

/**
 * Wraps the call handler of MCP tool specifications (sync and async, stateful and stateless) so that every call is
 * recorded once under the tool's name; the tool definition is kept as it is.
 */
public class ToolSpecificationInstrumenter {

	private final ToolCalls toolCalls;

	private final long defaultSlowThresholdNanos;

	/**
	 * Create an instrumenter.
	 * @param toolCalls where each tool's calls are counted once
	 * @param defaultSlowThreshold slow-call threshold of tools whose annotation does not set one
	 */
	public ToolSpecificationInstrumenter(ToolCalls toolCalls, Duration defaultSlowThreshold) {
		this.toolCalls = toolCalls;
		this.defaultSlowThresholdNanos = SettingChecks.requireNonNegative("defaultSlowThreshold", defaultSlowThreshold)
			.toNanos();
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
		return this.toolCalls.serverTool(tool.name(), this.defaultSlowThresholdNanos);
	}

}
