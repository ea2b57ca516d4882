package io.github.mcpmonitoring.alerts;

import org.springframework.context.ApplicationEvent;

/**
 * Published when an alert fires, repeats or resolves, for the application to listen to with
 * {@code @EventListener}.
 */
public class McpAlertEvent extends ApplicationEvent {

	private final AlertNotification notification;

	/**
	 * Create an event.
	 * @param source the evaluator that raised it
	 * @param notification what happened
	 */
	public McpAlertEvent(Object source, AlertNotification notification) {
		super(source);
		this.notification = notification;
	}

	/**
	 * Return what happened.
	 * @return the notification
	 */
	public AlertNotification getNotification() {
		return this.notification;
	}

	/**
	 * Return the alert, in state firing or resolved.
	 * @return the alert
	 */
	public Alert getAlert() {
		return this.notification.alert();
	}

}
