package io.github.mcpmonitoring.alerts.rules;

import java.time.Duration;

import io.github.mcpmonitoring.alerts.AlertSeverity;

/**
 * The configurable part of a built-in rule.
 *
 * @param severity the severity of its alerts
 * @param threshold the value its condition compares against
 * @param forDuration how long the condition must hold before the alert fires
 */
public record RuleSettings(AlertSeverity severity, double threshold, Duration forDuration) {

}
