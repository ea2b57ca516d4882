package io.github.mcpmonitoring.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A rule the {@link AlertEvaluator} evaluates on its schedule. Applications add their own rules as beans.
 */
public interface AlertRule {

	/**
	 * Return the id of the rule, used in configuration keys.
	 * @return the id, such as {@code tool-error-rate}
	 */
	String id();

	/**
	 * Return the name of the alerts this rule raises.
	 * @return the alert name, such as {@code McpToolErrorRateHigh}
	 */
	String alertName();

	/**
	 * Return every severity this rule's alerts can have, so that their gauges exist before anything fires.
	 * @return the severities
	 */
	Set<AlertSeverity> severities();

	/**
	 * Return how long a condition must hold before its alert fires.
	 * @return the {@code for} duration
	 */
	Duration forDuration();

	/**
	 * Return the conditions that hold now.
	 * @param now the time of the evaluation
	 * @return one candidate per alert instance whose condition holds
	 */
	List<AlertCandidate> evaluate(Instant now);

	/**
	 * Return a one-line summary of an alert instance.
	 * @param candidate the instance
	 * @return the summary
	 */
	String summary(AlertCandidate candidate);

	/**
	 * Return a description of an alert instance: what it means and where to look.
	 * @param candidate the instance
	 * @return the description
	 */
	String description(AlertCandidate candidate);

}
