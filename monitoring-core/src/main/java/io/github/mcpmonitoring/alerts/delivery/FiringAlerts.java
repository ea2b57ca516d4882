package io.github.mcpmonitoring.alerts.delivery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.mcpmonitoring.alerts.Alert;
import io.github.mcpmonitoring.alerts.AlertState;

/**
 * The alerts a channel last reported as firing, to re-send until they are resolved. Bounded: past its capacity the
 * alert tracked longest is forgotten (the evaluator's own repeats bring it back).
 */
final class FiringAlerts {

	private final Map<Key, Alert> alerts;

	FiringAlerts(int capacity) {
		this.alerts = new LinkedHashMap<>() {

			@Override
			protected boolean removeEldestEntry(Map.Entry<Key, Alert> eldest) {
				return size() > capacity;
			}

		};
	}

	/**
	 * Track a firing alert, or forget a resolved one.
	 * @param alert the alert as last notified
	 */
	synchronized void update(Alert alert) {
		Key key = Key.of(alert);
		if (alert.state() == AlertState.FIRING) {
			this.alerts.remove(key);
			this.alerts.put(key, alert);
		}
		else {
			this.alerts.remove(key);
		}
	}

	synchronized List<Alert> snapshot() {
		return List.copyOf(this.alerts.values());
	}

	/** What identifies an alert to Alertmanager: its name, severity and labels. */
	private record Key(String name, String severity, Map<String, String> labels) {

		static Key of(Alert alert) {
			return new Key(alert.name(), alert.severity().label(), AlertText.sorted(alert.labels()));
		}

	}

}
