package io.github.mcpmonitoring.alerts.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.mcpmonitoring.alerts.AlertCandidate;
import io.github.mcpmonitoring.core.InvalidSettingException;
import io.github.mcpmonitoring.core.SettingChecks;
import io.github.mcpmonitoring.errors.RecentErrors;

/**
 * {@code McpRecentErrorsHigh}: more failed tool and API calls inside the window than the threshold, client mistakes
 * left out.
 */
public class RecentErrorsRule extends BuiltInAlertRule {

	/** The id of this rule. */
	public static final String ID = "recent-errors";

	private final RecentErrors recentErrors;

	private final Duration window;

	/**
	 * Create the rule.
	 * @param settings severity, threshold (failures, below the capacity of the recent failures) and {@code for}
	 * @param recentErrors the recent failures
	 * @param window the window failures are counted in
	 */
	public RecentErrorsRule(RuleSettings settings, RecentErrors recentErrors, Duration window) {
		super(ID, "McpRecentErrorsHigh", settings);
		SettingChecks.requireNonNegative("threshold", settings.threshold());
		// The rule counts the failures the buffer keeps, never more than its capacity, and fires above the threshold.
		if (settings.threshold() >= recentErrors.capacity()) {
			throw new InvalidSettingException("threshold", settings.threshold(), "must be below the recent errors"
					+ " capacity (" + recentErrors.capacity() + "), or the alert could never fire");
		}
		this.recentErrors = recentErrors;
		this.window = SettingChecks.requirePositive("window", window);
	}

	@Override
	public List<AlertCandidate> evaluate(Instant now) {
		int count = this.recentErrors.summarize(now, this.window).count();
		return (count > this.settings.threshold()) ? List.of(candidate(Map.of(), count)) : List.of();
	}

	@Override
	public String summary(AlertCandidate candidate) {
		return String.format(Locale.ROOT, "%.0f failed tool and API calls in the last %d minutes", candidate.value(),
				this.window.toMinutes());
	}

	@Override
	public String description(AlertCandidate candidate) {
		return String.format(Locale.ROOT, "More than %.0f tool and upstream API calls failed in the last %d minutes. The"
				+ " recentErrors component of /actuator/health lists them by name and error type.",
				this.settings.threshold(), this.window.toMinutes());
	}

}
