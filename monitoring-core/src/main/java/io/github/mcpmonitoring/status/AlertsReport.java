package io.github.mcpmonitoring.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.github.mcpmonitoring.alerts.Alert;
import io.github.mcpmonitoring.alerts.AlertEvaluator;
import io.github.mcpmonitoring.alerts.AlertState;

/**
 * Lists firing and pending alerts; {@link ComponentStatus#WARNING WARNING} while an alert of severity {@code error}
 * or {@code critical} fires. Never {@code DOWN}: alerts follow request outcomes, and the components that report the
 * server's own state (memory) say when it cannot serve. Reads the evaluator's state in memory: no check runs on the
 * request thread.
 */
public class AlertsReport implements Supplier<ComponentStatus> {

	private final AlertEvaluator evaluator;

	/**
	 * Create a report.
	 * @param evaluator the alert evaluator
	 */
	public AlertsReport(AlertEvaluator evaluator) {
		this.evaluator = evaluator;
	}

	@Override
	public ComponentStatus get() {
		List<Alert> firing = this.evaluator.alerts(AlertState.FIRING);
		List<Alert> pending = this.evaluator.alerts(AlertState.PENDING);
		boolean unhealthy = firing.stream().anyMatch((alert) -> alert.severity().isUnhealthy());
		return ComponentStatus.status(unhealthy ? ComponentStatus.WARNING : ComponentStatus.UP)
			.withDetail("firing", describe(firing))
			.withDetail("pending", describe(pending))
			.build();
	}

	private static List<Map<String, Object>> describe(List<Alert> alerts) {
		return alerts.stream().map(AlertsReport::describe).toList();
	}

	private static Map<String, Object> describe(Alert alert) {
		Map<String, Object> description = new LinkedHashMap<>();
		description.put("name", alert.name());
		description.put("severity", alert.severity().label());
		description.put("labels", alert.labels());
		description.put("since", String.valueOf((alert.firingSince() != null) ? alert.firingSince() : alert.activeSince()));
		description.put("summary", alert.summary());
		return description;
	}

}
