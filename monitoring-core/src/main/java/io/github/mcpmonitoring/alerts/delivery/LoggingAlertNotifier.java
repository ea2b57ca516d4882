package io.github.mcpmonitoring.alerts.delivery;

import io.github.mcpmonitoring.alerts.Alert;
import io.github.mcpmonitoring.alerts.AlertNotification;
import io.github.mcpmonitoring.alerts.AlertNotifier;
import io.github.mcpmonitoring.alerts.AlertState;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Logs one line per notification: at WARN for a firing warning, at ERROR for a firing error or critical alert, and
 * at INFO for a firing info alert and for every resolution.
 */
public class LoggingAlertNotifier implements AlertNotifier {

	private static final Log logger = LogFactory.getLog(LoggingAlertNotifier.class);

	@Override
	public String channel() {
		return "log";
	}

	@Override
	public void notify(AlertNotification notification) {
		try {
			log(notification.alert(), line(notification));
		}
		catch (RuntimeException ex) {
			// A broken logger must not break the evaluator.
		}
	}

	private static void log(Alert alert, String line) {
		if (alert.state() == AlertState.RESOLVED) {
			logger.info(line);
			return;
		}
		switch (alert.severity()) {
			case CRITICAL, ERROR -> logger.error(line);
			case WARNING -> logger.warn(line);
			default -> logger.info(line);
		}
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
