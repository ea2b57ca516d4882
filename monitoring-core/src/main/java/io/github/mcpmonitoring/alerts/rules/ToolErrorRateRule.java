package io.github.mcpmonitoring.alerts.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.mcpmonitoring.alerts.AlertCandidate;
import io.github.mcpmonitoring.core.SettingChecks;

/**
 * {@code McpToolErrorRateHigh}: per tool, the ratio of failed calls over the window is above the threshold, with at
 * least the minimum number of calls. Client mistakes ({@code error.origin=client}) count neither as calls nor as
 * failures.
 */
public class ToolErrorRateRule extends WindowedHistoryRule {

	/** The id of this rule. */
	public static final String ID = "tool-error-rate";

	private final long minCalls;

	/**
	 * Create the rule.
	 * @param settings severity, threshold (a ratio between 0 and 1) and {@code for}
	 * @param history the meter history
	 * @param window the window the ratio is computed over
	 * @param minCalls calls in the window below which the rule stays quiet
	 */
	public ToolErrorRateRule(RuleSettings settings, MeterHistory history, Duration window, long minCalls) {
		super(ID, "McpToolErrorRateHigh", settings, history, window);
		SettingChecks.requireRatio("threshold", settings.threshold());
		this.minCalls = SettingChecks.requireAtLeast("minCalls", minCalls, 0L);
	}

	@Override
	public List<AlertCandidate> evaluate(Instant now) {
		List<AlertCandidate> candidates = new ArrayList<>();
		this.history.toolWindows(this.window).forEach((tool, window) -> {
			// Client mistakes neither raise the ratio nor dilute it: a client cannot make a tool look failing or fine.
			double calls = window.callsWithoutClientErrors();
			if (calls >= this.minCalls && calls > 0) {
				double ratio = window.errors() / calls;
				if (ratio > this.settings.threshold()) {
					candidates.add(candidate(Map.of("gen_ai_tool_name", tool), ratio));
				}
			}
		});
		return candidates;
	}

	@Override
	public String summary(AlertCandidate candidate) {
		return "Tool " + label(candidate, "gen_ai_tool_name") + " fails " + percent(candidate.value())
				+ " of its calls";
	}

	@Override
	public String description(AlertCandidate candidate) {
		return "More than " + percent(this.settings.threshold()) + " of the calls of tool "
				+ label(candidate, "gen_ai_tool_name") + " failed over the last " + this.window.toMinutes()
				+ " minutes (at least " + this.minCalls + " calls). See recentErrors on /actuator/health and"
				+ " error_type on mcp_server_operation_duration_seconds_count.";
	}

}
