package io.github.mcpmonitoring.health;

import io.github.mcpmonitoring.alerts.AlertEvaluator;
import io.github.mcpmonitoring.status.AlertsReport;

/**
 * The {@code alerts} health component: the {@link AlertsReport} of the firing and pending alerts.
 */
public class AlertsHealthIndicator extends ComponentHealthIndicator {

	/**
	 * Create an indicator.
	 * @param evaluator the alert evaluator
	 */
	public AlertsHealthIndicator(AlertEvaluator evaluator) {
		super(new AlertsReport(evaluator));
	}

}
