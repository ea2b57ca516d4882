package io.github.mcpmonitoring.alerts.delivery;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.mcpmonitoring.alerts.Alert;
import io.github.mcpmonitoring.alerts.AlertNotification;
import io.github.mcpmonitoring.alerts.AlertState;

/**
 * Writes the JSON document the webhook channel posts for one notification. Its {@code text} field is a one-line
 * summary that Slack incoming webhooks and Microsoft Teams show as the message.
 */
final class WebhookDocument {

	private WebhookDocument() {
	}

	static byte[] write(AlertNotification notification) {
		Alert alert = notification.alert();
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("alertName", alert.name());
		document.put("severity", alert.severity().label());
		document.put("state", alert.state().label());
		document.put("repeat", notification.repeat());
		document.put("labels", AlertText.sorted(alert.labels()));
		document.put("value", alert.value());
		document.put("summary", alert.summary());
		document.put("description", alert.description());
		document.put("runbookUrl", alert.runbookUrl());
		document.put("startsAt", text(startsAt(alert)));
		if (alert.state() == AlertState.RESOLVED) {
			document.put("endsAt", text(alert.resolvedAt()));
		}
		document.put("sentAt", text(notification.sentAt()));
		document.put("text", AlertText.headline(alert));
		return JsonText.write(document);
	}

	static Instant startsAt(Alert alert) {
		return (alert.firingSince() != null) ? alert.firingSince() : alert.activeSince();
	}

	private static String text(Instant instant) {
		return (instant != null) ? instant.toString() : null;
	}

}
