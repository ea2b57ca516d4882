package io.github.mcpmonitoring.alerts;

import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.ApplicationEventPublisher;

/**
 * Publishes each notification as a {@link McpAlertEvent}. Listeners run on the evaluator's thread unless the
 * application makes them asynchronous; a listener that throws is logged, once at WARN and then at DEBUG until an event
 * is published again, and never reaches the evaluator.
 */
public class ApplicationEventAlertNotifier implements AlertNotifier {

	private static final Log logger = LogFactory.getLog(ApplicationEventAlertNotifier.class);

	private final ApplicationEventPublisher publisher;

	private final AtomicBoolean failing = new AtomicBoolean();

	/**
	 * Create a notifier.
	 * @param publisher where events are published
	 */
	public ApplicationEventAlertNotifier(ApplicationEventPublisher publisher) {
		this.publisher = publisher;
	}

	@Override
	public String channel() {
		return "event";
	}

	@Override
	public void notify(AlertNotification notification) {
		try {
			this.publisher.publishEvent(new McpAlertEvent(this, notification));
			this.failing.set(false);
		}
		catch (RuntimeException ex) {
			publishingFailed(notification, ex);
		}
	}

	private void publishingFailed(AlertNotification notification, RuntimeException failure) {
		try {
			String message = "Failed to publish the McpAlertEvent of alert '" + notification.alert().name() + "'";
			if (this.failing.compareAndSet(false, true)) {
				logger.warn(message + "; the alert's other channels are not affected and further failures are"
						+ " logged at DEBUG until an event is published again", failure);
			}
			else if (logger.isDebugEnabled()) {
				logger.debug(message, failure);
			}
		}
		catch (RuntimeException ex) {
			// A broken logger must not break the evaluator either.
		}
	}

}
