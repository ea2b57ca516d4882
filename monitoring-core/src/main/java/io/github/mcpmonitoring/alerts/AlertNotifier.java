package io.github.mcpmonitoring.alerts;

/**
 * A channel alerts are delivered through: the log, application events, a webhook, Alertmanager.
 * <p>
 * Called on the evaluator's thread: implementations that do I/O must hand the notification off (queue it) and
 * return at once, and must never throw.
 */
public interface AlertNotifier {

	/**
	 * Return the name of the channel, used as the {@code channel} tag of {@code mcp.alerts.notifications}.
	 * @return the channel name
	 */
	String channel();

	/**
	 * Deliver a notification, or queue it for delivery.
	 * @param notification the notification
	 */
	void notify(AlertNotification notification);

}
