package io.github.mcpmonitoring.alerts.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.github.mcpmonitoring.alerts.Alert;
import io.github.mcpmonitoring.alerts.AlertNotification;
import io.github.mcpmonitoring.alerts.AlertSeverity;
import io.github.mcpmonitoring.alerts.AlertState;

/**
 * Alerts and notifications for the delivery tests.
 */
final class TestAlerts {

	static final Instant ACTIVE_SINCE = Instant.parse("2025-01-01T10:00:00Z");

	static final Instant FIRING_SINCE = ACTIVE_SINCE.plus(Duration.ofMinutes(2));

	static final Instant RESOLVED_AT = FIRING_SINCE.plus(Duration.ofMinutes(10));

	static final Instant SENT_AT = RESOLVED_AT;

	static final String RUNBOOK = "https://example.org/runbooks/McpToolErrorRateHigh";

	private TestAlerts() {
	}

	static Alert firing(AlertSeverity severity, String tool) {
		return new Alert("tool-error-rate", "McpToolErrorRateHigh", severity, AlertState.FIRING,
				Map.of("gen_ai_tool_name", tool), 0.123456, "Tool " + tool + " fails 12% of its calls",
				"More than 5% of the calls failed over the last 5 minutes.", RUNBOOK, ACTIVE_SINCE, FIRING_SINCE, null);
	}

	static Alert firing() {
		return firing(AlertSeverity.ERROR, "search_entries");
	}

	static Alert resolved(Alert firing, Instant resolvedAt) {
		return new Alert(firing.ruleId(), firing.name(), firing.severity(), AlertState.RESOLVED, firing.labels(),
				0.01, firing.summary(), firing.description(), firing.runbookUrl(), firing.activeSince(),
				firing.firingSince(), resolvedAt);
	}

	static AlertNotification notification(Alert alert) {
		return new AlertNotification(alert, false, SENT_AT);
	}

	static AlertNotification withValue(double value) {
		Alert alert = firing();
		return notification(new Alert(alert.ruleId(), alert.name(), alert.severity(), alert.state(), alert.labels(),
				value, alert.summary(), alert.description(), alert.runbookUrl(), alert.activeSince(),
				alert.firingSince(), alert.resolvedAt()));
	}

}
