package io.github.mcpmonitoring.alerts.delivery;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.mcpmonitoring.alerts.Alert;
import io.github.mcpmonitoring.alerts.AlertState;

/**
 * Writes the body of Alertmanager's {@code POST /api/v2/alerts}: an array of alerts with labels, annotations,
 * {@code startsAt}, {@code endsAt} and {@code generatorURL}.
 * <p>
 * A firing alert ends a few re-send intervals from now, as Prometheus does, so that Alertmanager keeps it active
 * between re-sends and resolves it by itself only when the application stops sending.
 */
final class AlertmanagerDocument {

	private static final int RESEND_INTERVALS_TO_LIVE = 4;

	private final String application;

	private final String instance;

	private final URI generatorUrl;

	private final Duration firingLifetime;

	AlertmanagerDocument(String application, String instance, URI generatorUrl, Duration resendInterval) {
		this.application = application;
		this.instance = instance;
		this.generatorUrl = generatorUrl;
		this.firingLifetime = resendInterval.multipliedBy(RESEND_INTERVALS_TO_LIVE);
	}

	byte[] write(Collection<Alert> alerts, Instant now) {
		return JsonText.write(alerts.stream().map((alert) -> document(alert, now)).toList());
	}

	private Map<String, Object> document(Alert alert, Instant now) {
		Map<String, String> labels = new LinkedHashMap<>();
		putIfSet(labels, "alertname", alert.name());
		putIfSet(labels, "severity", alert.severity().label());
		putIfSet(labels, "application", this.application);
		putIfSet(labels, "instance", this.instance);
		AlertText.sorted(alert.labels()).forEach((name, value) -> {
			if (!labels.containsKey(name)) {
				putIfSet(labels, name, value);
			}
		});
		Map<String, String> annotations = new LinkedHashMap<>();
		putIfSet(annotations, "summary", alert.summary());
		putIfSet(annotations, "description", alert.description());
		putIfSet(annotations, "runbook_url", alert.runbookUrl());
		Instant startsAt = startsAt(alert, now);
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("labels", labels);
		document.put("annotations", annotations);
		document.put("startsAt", startsAt.toString());
		document.put("endsAt", endsAt(alert, startsAt, now).toString());
		if (this.generatorUrl != null) {
			document.put("generatorURL", this.generatorUrl.toString());
		}
		return document;
	}

	private Instant endsAt(Alert alert, Instant startsAt, Instant now) {
		if (alert.state() != AlertState.RESOLVED) {
			return now.plus(this.firingLifetime);
		}
		Instant resolvedAt = (alert.resolvedAt() != null) ? alert.resolvedAt() : now;
		// Alertmanager rejects an alert that ends before it starts.
		return resolvedAt.isBefore(startsAt) ? startsAt : resolvedAt;
	}

	private static Instant startsAt(Alert alert, Instant now) {
		Instant startsAt = WebhookDocument.startsAt(alert);
		return (startsAt != null) ? startsAt : now;
	}

	// Alertmanager, like Prometheus, treats an empty label as an absent one.
	private static void putIfSet(Map<String, String> map, String name, String value) {
		if (value != null && !value.isEmpty()) {
			map.put(name, value);
		}
	}

}
