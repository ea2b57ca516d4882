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
 * {@code McpUpstreamAuthFailure}: a tool or API call failed with what looks like an authentication failure
 * ({@code mcp.upstream.auth.failures}) inside the window.
 */
public class UpstreamAuthFailureRule extends WindowedHistoryRule {

	/** The id of this rule. */
	public static final String ID = "upstream-auth-failure";

	/**
	 * Create the rule.
	 * @param settings severity, threshold (failures tolerated, 0 by default) and {@code for}
	 * @param history the meter history
	 * @param window the window failures are counted in
	 */
	public UpstreamAuthFailureRule(RuleSettings settings, MeterHistory history, Duration window) {
		super(ID, "McpUpstreamAuthFailure", settings, history, window);
		SettingChecks.requireNonNegative("threshold", settings.threshold());
	}

	@Override
	public List<AlertCandidate> evaluate(Instant now) {
		List<AlertCandidate> candidates = new ArrayList<>();
		this.history.authenticationFailures(this.window).forEach((name, count) -> {
			if (count > this.settings.threshold()) {
				candidates.add(candidate(Map.of("name", name), count));
			}
		});
		return candidates;
	}

	@Override
	public String summary(AlertCandidate candidate) {
		return String.format(Locale.ROOT, "%s failed authentication %.0f times", label(candidate, "name"), candidate.value());
	}

	@Override
	public String description(AlertCandidate candidate) {
		return "Calls were rejected as unauthenticated (a revoked or expired session key such as Kaltura's"
				+ " INVALID_KS, HTTP 401 or 403) in the last " + this.window.toMinutes() + " minutes. Check the"
				+ " credentials and the kalturaSession component of /actuator/health.";
	}

}
