package io.github.mcpmonitoring.alerts.delivery;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.mcpmonitoring.alerts.Alert;
import io.github.mcpmonitoring.alerts.AlertNotification;
import io.github.mcpmonitoring.alerts.AlertNotifier;
import io.github.mcpmonitoring.alerts.AlertState;
import io.github.mcpmonitoring.core.SettingChecks;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Sends alerts to Alertmanager's {@code POST /api/v2/alerts}, off the caller's thread, and re-sends the firing ones
 * every re-send interval until they are resolved, so that Alertmanager never ends a firing alert by timeout whatever
 * the evaluator's repeat interval. Routing, grouping, silences and receivers are Alertmanager's job.
 */
public class AlertmanagerAlertNotifier implements AlertNotifier, AutoCloseable {

	/** The default time between re-sends of firing alerts. */
	public static final Duration DEFAULT_RESEND_INTERVAL = Duration.ofMinutes(1);

	private static final String CHANNEL = "alertmanager";

	private final Duration resendInterval;

	private final Clock clock;

	private final AlertmanagerDocument document;

	private final FiringAlerts firing;

	private final HttpAlertDelivery delivery;

	/**
	 * Create a notifier.
	 * @param baseUrl Alertmanager's base URL, http or https, such as {@code http://alertmanager:9093}
	 * @param application the {@code application} label, or {@code null}
	 * @param instance the {@code instance} label, such as the host and port, or {@code null}
	 * @param generatorUrl the {@code generatorURL} of the alerts, http or https, such as
	 * {@code http://host:8080/actuator/mcp}, or {@code null}
	 * @param resendInterval the time between re-sends of firing alerts, positive; they end four intervals after a
	 * send
	 * @param options timeouts, queue capacity (also the most firing alerts re-sent) and retries
	 * @param registry where to count notifications
	 */
	public AlertmanagerAlertNotifier(URI baseUrl, String application, String instance, URI generatorUrl,
			Duration resendInterval, DeliveryOptions options, MeterRegistry registry) {
		JsonPoster.requireHttpUrl("url", baseUrl);
		if (generatorUrl != null) {
			JsonPoster.requireHttpUrl("generatorUrl", generatorUrl);
		}
		this.resendInterval = SettingChecks.requirePositive("resendInterval", resendInterval);
		this.clock = Clock.systemUTC();
		this.document = new AlertmanagerDocument(application, instance, generatorUrl, resendInterval);
		this.firing = new FiringAlerts(options.queueCapacity());
		this.delivery = new HttpAlertDelivery(CHANNEL, alertsUrl(baseUrl), Map.of(), options,
				new DeliveryMetrics(CHANNEL, registry), this.clock, resendInterval, this::firingAlerts);
	}

	@Override
	public String channel() {
		return CHANNEL;
	}

	/**
	 * Return the time between re-sends of firing alerts.
	 * @return the re-send interval
	 */
	public Duration resendInterval() {
		return this.resendInterval;
	}

	@Override
	public void notify(AlertNotification notification) {
		Alert alert = notification.alert();
		if (alert.state() != AlertState.FIRING && alert.state() != AlertState.RESOLVED) {
			return;
		}
		this.firing.update(alert);
		this.delivery.submit(() -> this.document.write(List.of(alert), this.clock.instant()));
	}

	/**
	 * Stop delivering and re-sending; notifications still queued are dropped.
	 */
	@Override
	public void close() {
		this.delivery.close();
	}

	private HttpAlertDelivery.Payload firingAlerts() {
		List<Alert> alerts = this.firing.snapshot();
		return alerts.isEmpty() ? null : () -> this.document.write(alerts, this.clock.instant());
	}

	private static URI alertsUrl(URI baseUrl) {
		String base = baseUrl.toString();
		return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/api/v2/alerts");
	}

}
