package io.github.mcpmonitoring.alerts.delivery;

import java.net.URI;
import java.time.Clock;
import java.util.Map;

import io.github.mcpmonitoring.alerts.AlertNotification;
import io.github.mcpmonitoring.alerts.AlertNotifier;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * POSTs one JSON document per notification to a webhook, off the caller's thread. The document carries the alert's
 * name, severity, state, labels, value, texts and times, and a {@code text} line that Slack and Teams show.
 */
public class WebhookAlertNotifier implements AlertNotifier, AutoCloseable {

	private static final String CHANNEL = "webhook";

	private final HttpAlertDelivery delivery;

	/**
	 * Create a notifier.
	 * @param url where to POST the documents, http or https
	 * @param headers headers to add to every request, such as {@code Authorization}; never logged
	 * @param options timeouts, queue capacity and retries
	 * @param registry where to count notifications
	 */
	public WebhookAlertNotifier(URI url, Map<String, String> headers, DeliveryOptions options,
			MeterRegistry registry) {
		this(url, headers, options, registry, Clock.systemUTC());
	}

	WebhookAlertNotifier(URI url, Map<String, String> headers, DeliveryOptions options, MeterRegistry registry,
			Clock clock) {
		this.delivery = new HttpAlertDelivery(CHANNEL, url, headers, options, new DeliveryMetrics(CHANNEL, registry),
				clock);
	}

	@Override
	public String channel() {
		return CHANNEL;
	}

	@Override
	public void notify(AlertNotification notification) {
		this.delivery.submit(() -> WebhookDocument.write(notification));
	}

	/**
	 * Stop delivering; notifications still queued are dropped.
	 */
	@Override
	public void close() {
		this.delivery.close();
	}

}
