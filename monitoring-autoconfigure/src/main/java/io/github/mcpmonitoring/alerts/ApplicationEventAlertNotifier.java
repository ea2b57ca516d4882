package io.github.mcpmonitoring.alerts;

import org.springframework.context.ApplicationEventPublisher;

/**
 * Publishes each notification as a {@link McpAlertEvent}. Listeners run on the evaluator's thread unless the
 * application makes them asynchronous.
 */
public class ApplicationEventAlertNotifier implements AlertNotifier {

	private final ApplicationEventPublisher publisher;

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
		this.publisher.publishEvent(new McpAlertEvent(this, notification));
	}

}
