package io.github.mcpmonitoring.alerts.rules;

import java.time.Duration;

import io.github.mcpmonitoring.alerts.AlertSeverity;
import io.github.mcpmonitoring.core.SettingChecks;

/**
 * The settings every built-in rule has. The range of the threshold depends on the rule, which checks it.
 *
 * @param severity the severity of its alerts
 * @param threshold the value its condition compares against
 * @param forDuration how long the condition must hold before the alert fires, zero or more
 */
public record RuleSettings(AlertSeverity severity, double threshold, Duration forDuration) {

	/**
	 * Create settings, checking the severity and the {@code for} duration.
	 * @param severity the severity of its alerts
	 * @param threshold the value its condition compares against
	 * @param forDuration how long the condition must hold before the alert fires, zero or more
	 */
	public RuleSettings {
		SettingChecks.requireNonNull("severity", severity);
		SettingChecks.requireNonNegative("for", forDuration);
	}

}
