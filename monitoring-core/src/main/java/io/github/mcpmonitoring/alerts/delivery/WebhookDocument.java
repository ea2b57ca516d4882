package io.github.mcpmonitoring.alerts.delivery;

import java.io.IOException;
import java.time.Instant;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mcpmonitoring.alerts.Alert;
import io.github.mcpmonitoring.alerts.AlertNotification;
import io.github.mcpmonitoring.alerts.AlertState;

/**
 * Writes the JSON document the webhook channel posts for one notification. Its {@code text} field is a one-line
 * summary that Slack incoming webhooks and Microsoft Teams show as the message.
 */
final class WebhookDocument {

	// A private mapper: the wire format must not change with the application's JSON customisations.
	private static final ObjectMapper mapper = new ObjectMapper();

	private WebhookDocument() {
	}

	static byte[] write(AlertNotification notification) throws IOException {
		Alert alert = notification.alert();
		ObjectNode document = mapper.createObjectNode();
		document.put("alertName", alert.name());
		document.put("severity", alert.severity().label());
		document.put("state", alert.state().label());
		document.put("repeat", notification.repeat());
		ObjectNode labels = document.putObject("labels");
		AlertText.sorted(alert.labels()).forEach(labels::put);
		if (Double.isFinite(alert.value())) {
			document.put("value", alert.value());
		}
		else {
			document.putNull("value");
		}
		document.put("summary", alert.summary());
		document.put("description", alert.description());
		document.put("runbookUrl", alert.runbookUrl());
		document.put("startsAt", text(startsAt(alert)));
		if (alert.state() == AlertState.RESOLVED) {
			document.put("endsAt", text(alert.resolvedAt()));
		}
		document.put("sentAt", text(notification.sentAt()));
		document.put("text", AlertText.headline(alert));
		return mapper.writeValueAsBytes(document);
	}

	static Instant startsAt(Alert alert) {
		return (alert.firingSince() != null) ? alert.firingSince() : alert.activeSince();
	}

	private static String text(Instant instant) {
		return (instant != null) ? instant.toString() : null;
	}

}
