package io.github.mcpmonitoring.alerts.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.mcpmonitoring.alerts.AlertCandidate;
import io.github.mcpmonitoring.core.SettingChecks;

/**
 * {@code McpToolLatencyHigh}: per tool, the 95th percentile of the call duration over the window, estimated from
 * the histogram buckets as {@code histogram_quantile} does, is above the threshold (seconds).
 */
public class ToolLatencyRule extends WindowedHistoryRule {

	/** The id of this rule. */
	public static final String ID = "tool-latency";

	private static final double QUANTILE = 0.95;

	/**
	 * Create the rule.
	 * @param settings severity, threshold (seconds) and {@code for}
	 * @param history the meter history
	 * @param window the window the percentile is computed over
	 */
	public ToolLatencyRule(RuleSettings settings, MeterHistory history, Duration window) {
		super(ID, "McpToolLatencyHigh", settings, history, window);
		SettingChecks.requireNonNegative("threshold", settings.threshold());
	}

	@Override
	public List<AlertCandidate> evaluate(Instant now) {
		List<AlertCandidate> candidates = new ArrayList<>();
		this.history.toolWindows(this.window).forEach((tool, window) -> {
			double p95 = window.quantile(QUANTILE);
			if (p95 > this.settings.threshold()) {
				candidates.add(candidate(Map.of("gen_ai_tool_name", tool), p95));
			}
		});
		return candidates;
	}

	@Override
	public String summary(AlertCandidate candidate) {
		return String.format(Locale.ROOT, "Tool %s p95 latency is %.2f s", label(candidate, "gen_ai_tool_name"),
				candidate.value());
	}

	@Override
	public String description(AlertCandidate candidate) {
		return String.format(Locale.ROOT, "The 95th percentile of the duration of tool %s over the last %d minutes is above"
				+ " %.2f s. Check the upstream API latency (mcp_api_call_duration_seconds) and in-flight calls"
				+ " (mcp_server_operation_active_seconds).", label(candidate, "gen_ai_tool_name"),
				this.window.toMinutes(), this.settings.threshold());
	}

}
