package io.github.mcpmonitoring.benchmarks;

import java.time.Duration;

import io.github.mcpmonitoring.core.InFlightCalls;
import io.github.mcpmonitoring.core.CallFailureListener;
import io.github.mcpmonitoring.core.ErrorTypeCardinalityFilter;
import io.github.mcpmonitoring.core.ErrorTypes;
import io.github.mcpmonitoring.core.McpMeterNames;
import io.github.mcpmonitoring.core.OperationTags;
import io.github.mcpmonitoring.core.ToolCallMetrics;
import io.github.mcpmonitoring.core.ToolCallRecorder;
import io.github.mcpmonitoring.failures.DefaultFailureClassifier;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * Prometheus registries holding the series of a given number of tools, each called successfully and failing with two
 * exception types: recorded through the starter, or registered directly with the same names, tags and buckets.
 */
public final class ScrapeRegistries {

	/** The two exception types every tool fails with. */
	static final String[] ERROR_TYPES = { "IllegalArgumentException", "KalturaApiException" };

	private ScrapeRegistries() {
	}

	/**
	 * Return a registry with the tools' calls recorded through the starter's {@link ToolCallMetrics}.
	 * @param tools the number of tools
	 * @return the registry
	 */
	public static PrometheusMeterRegistry starter(int tools) {
		return starterMetrics(tools).registry;
	}

	/**
	 * Return the starter's metrics with the tools' calls recorded, and the registry they are in.
	 * @param tools the number of tools
	 * @return the metrics and the registry
	 */
	public static StarterMetrics starterMetrics(int tools) {
		return starterMetrics(tools, CallFailureListener.NONE);
	}

	/**
	 * Return the starter's metrics with the tools' calls recorded, and the registry they are in.
	 * @param tools the number of tools
	 * @param failureListener told about the failed calls
	 * @return the metrics and the registry
	 */
	public static StarterMetrics starterMetrics(int tools, CallFailureListener failureListener) {
		PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		registry.config().meterFilter(new ErrorTypeCardinalityFilter(50));
		ToolCallMetrics metrics = new ToolCallMetrics(registry, Duration.ofMinutes(1),
				failureListener, new InFlightCalls(), new DefaultFailureClassifier());
		long threshold = Duration.ofSeconds(10).toNanos();
		for (int i = 0; i < tools; i++) {
			String tool = toolName(i);
			metrics.registerTool(tool);
			ToolCallRecorder recorder = metrics.recorder(tool);
			for (int call = 0; call < 3; call++) {
				recorder.record(recorder.monotonicTime() - millis(call), recorder.start(), ErrorTypes.NONE, threshold,
						null);
			}
			for (String errorType : ERROR_TYPES) {
				recorder.record(recorder.monotonicTime() - millis(5), recorder.start(), errorType, threshold, null);
			}
		}
		return new StarterMetrics(metrics, registry);
	}

	/**
	 * Return a registry exposing the same series as {@link #starter(int)}, registered directly with
	 * {@code Timer.builder} and friends, without the starter.
	 * @param tools the number of tools
	 * @return the registry
	 */
	public static PrometheusMeterRegistry plain(int tools) {
		return plain(tools, true);
	}

	/**
	 * Return a registry exposing only the duration series of calls that happened (success and the two exception
	 * types), as hand-written instrumentation would: no {@code tool_error} series before a tool error, no in-flight or
	 * slow-call meters.
	 * @param tools the number of tools
	 * @return the registry
	 */
	public static PrometheusMeterRegistry plainMinimal(int tools) {
		return plain(tools, false);
	}

	private static PrometheusMeterRegistry plain(int tools, boolean sameSeries) {
		PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		if (sameSeries) {
			Gauge.builder(McpMeterNames.TOOLS_REGISTERED, () -> tools)
				.description("Tools the MCP server exposes")
				.register(registry);
		}
		for (int i = 0; i < tools; i++) {
			String tool = toolName(i);
			if (sameSeries) {
				LongTaskTimer.builder(McpMeterNames.OPERATION_ACTIVE)
					.description("MCP server operations in flight")
					.tag(McpMeterNames.TAG_METHOD, McpMeterNames.METHOD_TOOLS_CALL)
					.tag(McpMeterNames.TAG_TOOL, tool)
					.register(registry);
				Counter.builder(McpMeterNames.OPERATION_SLOW)
					.description("MCP tool calls slower than their threshold")
					.tag(McpMeterNames.TAG_METHOD, McpMeterNames.METHOD_TOOLS_CALL)
					.tag(McpMeterNames.TAG_TOOL, tool)
					.register(registry);
			}
			Timer success = durationTimer(registry, tool, ErrorTypes.NONE);
			for (int call = 0; call < 3; call++) {
				success.record(Duration.ofNanos(millis(call)));
			}
			if (sameSeries) {
				durationTimer(registry, tool, ErrorTypes.TOOL_ERROR);
			}
			for (String errorType : ERROR_TYPES) {
				durationTimer(registry, tool, errorType).record(Duration.ofNanos(millis(5)));
			}
		}
		return registry;
	}

	private static Timer durationTimer(MeterRegistry registry, String tool, String errorType) {
		Timer.Builder builder = Timer.builder(McpMeterNames.OPERATION_DURATION)
			.description("Duration of MCP server operations")
			.serviceLevelObjectives(McpMeterNames.DURATION_BUCKETS.toArray(new Duration[0]));
		// The starter's key set, so that both registries expose the same series.
		return OperationTags.NONE
			.tag(builder, McpMeterNames.METHOD_TOOLS_CALL, tool, "", "", errorType,
					ErrorTypes.NONE.equals(errorType) ? McpMeterNames.ORIGIN_NONE : "server", "",
					OperationTags.NONE.defaultConnection())
			.register(registry);
	}

	static String toolName(int index) {
		return "tool_" + index;
	}

	private static long millis(int millis) {
		return Duration.ofMillis(3 + millis * 7L).toNanos();
	}

	/**
	 * The starter's tool call metrics and the registry they record in.
	 *
	 * @param metrics the metrics
	 * @param registry the registry
	 */
	public record StarterMetrics(ToolCallMetrics metrics, PrometheusMeterRegistry registry) {
	}

}
