package io.github.mcpmonitoring.alerts.delivery;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.mcpmonitoring.alerts.Alert;
import io.github.mcpmonitoring.alerts.AlertNotification;
import io.github.mcpmonitoring.alerts.AlertNotifier;
import io.github.mcpmonitoring.alerts.AlertState;
import io.github.mcpmonitoring.core.StructuredLog;
import io.github.mcpmonitoring.core.StructuredLog.Level;

/**
 * Logs one line per notification: at WARN for a firing warning, at ERROR for a firing error or critical alert, and
 * at INFO for a firing info alert and for every resolution. The rule, state, severity, value and labels are fields of
 * the line as well ({@code mcp.alert.*}), for structured logging.
 */
public class LoggingAlertNotifier implements AlertNotifier {

	/** Prefix of the line's fields; a label is {@code mcp.alert.label.<name>}. */
	static final String FIELD_PREFIX = "mcp.alert.";

	private static final StructuredLog logger = StructuredLog.of(LoggingAlertNotifier.class);

	@Override
	public String channel() {
		return "log";
	}

	@Override
	public void notify(AlertNotification notification) {
		try {
			log(notification, line(notification));
		}
		catch (RuntimeException ex) {
			// A broken logger must not break the evaluator.
		}
	}

	private static void log(AlertNotification notification, String line) {
		Alert alert = notification.alert();
		Level level = level(alert);
		if (!logger.isEnabled(level)) {
			return;
		}
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put(FIELD_PREFIX + "rule", alert.ruleId());
		fields.put(FIELD_PREFIX + "name", AlertText.singleLine(alert.name()));
		fields.put(FIELD_PREFIX + "state", alert.state().label());
		fields.put(FIELD_PREFIX + "severity", alert.severity().label());
		fields.put(FIELD_PREFIX + "repeat", notification.repeat());
		fields.put(FIELD_PREFIX + "value", alert.value());
		AlertText.sorted(alert.labels())
			.forEach((name, value) -> fields.put(FIELD_PREFIX + "label." + name, AlertText.singleLine(value)));
		logger.log(level, line, fields);
	}

	private static Level level(Alert alert) {
		if (alert.state() == AlertState.RESOLVED) {
			return Level.INFO;
		}
		return switch (alert.severity()) {
			case CRITICAL, ERROR -> Level.ERROR;
			case WARNING -> Level.WARN;
			default -> Level.INFO;
		};
	}

	private static String line(AlertNotification notification) {
		Alert alert = notification.alert();
		String state = (notification.repeat() ? "still " : "") + alert.state().label();
		String line = "Alert " + AlertText.singleLine(alert.name()) + " is " + state + " (severity="
				+ alert.severity().label() + ", labels=" + AlertText.labels(alert.labels()) + ", value="
				+ AlertText.value(alert.value()) + ")";
		boolean hasSummary = alert.summary() != null && !alert.summary().isBlank();
		return hasSummary ? line + ": " + AlertText.singleLine(alert.summary()) : line;
	}

}
