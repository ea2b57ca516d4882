package io.github.mcpmonitoring.mcp;

import java.time.Duration;

import io.github.mcpmonitoring.core.SettingChecks;
import io.github.mcpmonitoring.core.ToolCallMetrics;
import io.github.mcpmonitoring.core.ToolCallRecorder;
import io.github.mcpmonitoring.core.ToolRefinements;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.spec.McpSchema;

/**
 * Wraps the call handler of MCP tool specifications (sync and async, stateful and stateless) so that every call is
 * recorded once under the tool's name; the tool definition is kept as it is.
 */
public class ToolSpecificationInstrumenter {

	private final ToolCallMetrics metrics;

	private final ToolRefinements refinements;

	private final long defaultSlowThresholdNanos;

	/**
	 * Create an instrumenter.
	 * @param metrics where calls are recorded
	 * @param refinements what {@code @MonitoredTool} annotations say about tools
	 * @param defaultSlowThreshold slow-call threshold of tools whose annotation does not set one
	 */
	public ToolSpecificationInstrumenter(ToolCallMetrics metrics, ToolRefinements refinements,
			Duration defaultSlowThreshold) {
		this.metrics = metrics;
		this.refinements = refinements;
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
			.callHandler(new InstrumentedSyncToolHandler<>(spec.callHandler(), spec.tool().name(), this.metrics,
					recorder(spec.tool()), slowThresholdNanos(spec.tool())))
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
			.callHandler(new InstrumentedAsyncToolHandler<>(spec.callHandler(), spec.tool().name(), this.metrics,
					recorder(spec.tool()), slowThresholdNanos(spec.tool())))
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
			.callHandler(new InstrumentedSyncToolHandler<>(spec.callHandler(), spec.tool().name(), this.metrics,
					recorder(spec.tool()), slowThresholdNanos(spec.tool())))
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
			.callHandler(new InstrumentedAsyncToolHandler<>(spec.callHandler(), spec.tool().name(), this.metrics,
					recorder(spec.tool()), slowThresholdNanos(spec.tool())))
			.build();
	}

	private ToolCallRecorder recorder(McpSchema.Tool tool) {
		this.metrics.registerTool(tool.name());
		return this.metrics.recorder(this.refinements.recordedName(tool.name()));
	}

	private long slowThresholdNanos(McpSchema.Tool tool) {
		return this.refinements.slowThresholdNanos(tool.name(), this.defaultSlowThresholdNanos);
	}

}
