package io.github.mcpmonitoring.endpoint;

import java.time.Duration;

import io.github.mcpmonitoring.alerts.AlertEvaluator;
import io.github.mcpmonitoring.alerts.rules.MeterHistory;
import io.github.mcpmonitoring.core.ApiCallMetrics;
import io.github.mcpmonitoring.errors.RecentErrors;
import io.github.mcpmonitoring.summary.McpSummary;
import io.github.mcpmonitoring.summary.McpSummary.McpDescriptor;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.lang.Nullable;

/**
 * The {@code mcp} actuator endpoint: answers the core's {@link McpSummary}, a read-only monitoring summary of tools,
 * upstream APIs, recent errors and alerts for teams without Prometheus.
 */
@Endpoint(id = "mcp")
public class McpEndpoint {

	private final McpSummary summary;

	/**
	 * Create the endpoint.
	 * @param registry where the tool and API meters are
	 * @param apiMetrics the upstream API metrics
	 * @param recentErrors the recent failures
	 * @param history the meter history the alert rules capture, or {@code null} without alerts: calls, errors and
	 * percentiles then count since start
	 * @param window the window calls and percentiles are computed over, {@code null} without a history
	 * @param evaluator the alert evaluator, or {@code null} when it does not run: the summary then has no alerts
	 */
	public McpEndpoint(MeterRegistry registry, ApiCallMetrics apiMetrics, RecentErrors recentErrors,
			@Nullable MeterHistory history, @Nullable Duration window, @Nullable AlertEvaluator evaluator) {
		this(new McpSummary(registry, apiMetrics, recentErrors, history, window, evaluator));
	}

	/**
	 * Create the endpoint over a summary the application shares, such as with the status page.
	 * @param summary the summary to answer
	 */
	public McpEndpoint(McpSummary summary) {
		this.summary = summary;
	}

	/**
	 * The summary, computed now.
	 * @return the window, tools, APIs, recent errors and, while the evaluator runs, the alerts
	 */
	@ReadOperation
	public McpDescriptor summary() {
		return this.summary.summary();
	}

}
