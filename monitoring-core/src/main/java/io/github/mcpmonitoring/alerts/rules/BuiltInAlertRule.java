package io.github.mcpmonitoring.alerts.rules;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.github.mcpmonitoring.alerts.AlertCandidate;
import io.github.mcpmonitoring.alerts.AlertRule;
import io.github.mcpmonitoring.alerts.AlertSeverity;

/**
 * Base of the built-in rules: id, alert name and settings; candidates carry the configured severity.
 */
abstract class BuiltInAlertRule implements AlertRule {

	private final String id;

	private final String alertName;

	protected final RuleSettings settings;

	BuiltInAlertRule(String id, String alertName, RuleSettings settings) {
		this.id = id;
		this.alertName = alertName;
		this.settings = settings;
	}

	@Override
	public String id() {
		return this.id;
	}

	@Override
	public String alertName() {
		return this.alertName;
	}

	@Override
	public Set<AlertSeverity> severities() {
		return Set.of(this.settings.severity());
	}

	@Override
	public Duration forDuration() {
		return this.settings.forDuration();
	}

	protected AlertCandidate candidate(Map<String, String> labels, double value) {
		return new AlertCandidate(labels, value, this.settings.severity());
	}

	protected static String percent(double ratio) {
		return String.format(Locale.ROOT, "%.1f%%", ratio * 100);
	}

	protected static String label(AlertCandidate candidate, String key) {
		return candidate.labels().getOrDefault(key, "?");
	}

}
