package io.github.mcpmonitoring.mcp;

import java.util.List;

import io.github.mcpmonitoring.core.McpMeterNames;
import io.github.mcpmonitoring.core.RecordingFailureLog;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.noop.NoopDistributionSummary;

/**
 * The {@code mcp.server.tool.result.size} distribution summaries: how many characters of text content each tool's
 * results carry, one summary per tool, resolved when the tool is instrumented.
 */
public class ToolResultSizes {

	/** Base unit of the summary: characters of text content. */
	public static final String BASE_UNIT = "characters";

	/** Bucket boundaries of the summary, in characters. */
	public static final List<Double> BUCKETS = List.of(256.0, 1024.0, 4096.0, 16384.0, 65536.0, 262144.0, 1048576.0);

	private final MeterRegistry registry;

	private final RecordingFailureLog failureLog = new RecordingFailureLog();

	/**
	 * Create an instance that registers its summaries in the given registry.
	 * @param registry the registry
	 */
	public ToolResultSizes(MeterRegistry registry) {
		this.registry = registry;
	}

	/**
	 * Return what records the result sizes of one tool. Never throws an exception.
	 * @param toolName the name the tool's calls are recorded under
	 * @return the tool's result sizes, or {@code null} when the meter is denied or could not be registered
	 */
	ToolResultSize forTool(String toolName) {
		try {
			DistributionSummary summary = DistributionSummary.builder(McpMeterNames.TOOL_RESULT_SIZE)
				.description("Characters of text content in MCP tool results")
				.baseUnit(BASE_UNIT)
				.tag(McpMeterNames.TAG_TOOL, toolName)
				.serviceLevelObjectives(BUCKETS.stream().mapToDouble(Double::doubleValue).toArray())
				.register(this.registry);
			return (summary instanceof NoopDistributionSummary) ? null
					: new ToolResultSize(summary, this.failureLog);
		}
		catch (Throwable ex) {
			// An Error too (a linkage error from a mismatched Micrometer): the tool is then served without its
			// result sizes, and the server must start.
			this.failureLog.recordingFailed(McpMeterNames.TOOL_RESULT_SIZE, ex);
			return null;
		}
	}

}
