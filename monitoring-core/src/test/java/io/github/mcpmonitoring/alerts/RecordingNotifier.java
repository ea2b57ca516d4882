package io.github.mcpmonitoring.alerts;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Keeps every notification it is given, in order.
 */
public final class RecordingNotifier implements AlertNotifier {

	private final List<AlertNotification> notifications = new CopyOnWriteArrayList<>();

	@Override
	public String channel() {
		return "recording";
	}

	@Override
	public void notify(AlertNotification notification) {
		this.notifications.add(notification);
	}

	/**
	 * Return the notifications received so far.
	 * @return the notifications, oldest first
	 */
	public List<AlertNotification> notifications() {
		return List.copyOf(this.notifications);
	}

	/**
	 * Return the alerts of the notifications received so far.
	 * @return the alerts, oldest first
	 */
	public List<Alert> alerts() {
		return this.notifications.stream().map(AlertNotification::alert).toList();
	}

	/**
	 * Forget the notifications received so far.
	 */
	public void clear() {
		this.notifications.clear();
	}

}
