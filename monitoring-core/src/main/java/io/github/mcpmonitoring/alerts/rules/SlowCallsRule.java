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
 * {@code McpSlowCalls}: a tool or upstream API exceeded its slow-call threshold inside the window. The threshold of
 * this rule is the number of slow calls it tolerates (0 by default).
 */
public class SlowCallsRule extends WindowedHistoryRule {

	/** The id of this rule. */
	public static final String ID = "slow-calls";

	/**
	 * Create the rule.
	 * @param settings severity, threshold (slow calls tolerated) and {@code for}
	 * @param history the meter history
	 * @param window the window slow calls are counted in
	 */
	public SlowCallsRule(RuleSettings settings, MeterHistory history, Duration window) {
		super(ID, "McpSlowCalls", settings, history, window);
		SettingChecks.requireNonNegative("threshold", settings.threshold());
	}

	@Override
	public List<AlertCandidate> evaluate(Instant now) {
		List<AlertCandidate> candidates = new ArrayList<>();
		Map<String, Map<String, Double>> slowCalls = this.history.slowCalls(this.window);
		slowCalls.getOrDefault("tool", Map.of()).forEach((tool, count) -> add(candidates, "gen_ai_tool_name", tool, count));
		slowCalls.getOrDefault("api", Map.of()).forEach((api, count) -> add(candidates, "api", api, count));
		return candidates;
	}

	private void add(List<AlertCandidate> candidates, String labelKey, String name, double count) {
		if (count > this.settings.threshold()) {
			candidates.add(candidate(Map.of(labelKey, name), count));
		}
	}

	@Override
	public String summary(AlertCandidate candidate) {
		String subject = candidate.labels().containsKey("api") ? "API " + label(candidate, "api")
				: "Tool " + label(candidate, "gen_ai_tool_name");
		return String.format(Locale.ROOT, "%s made %.0f slow calls", subject, candidate.value());
	}

	@Override
	public String description(AlertCandidate candidate) {
		return "Calls took longer than their slow-call threshold (@MonitoredTool / @MonitoredApiCall slowThreshold,"
				+ " or mcp.monitoring.tools/api.slow-threshold) in the last " + this.window.toMinutes()
				+ " minutes. The application log names each slow call with its duration.";
	}

}
