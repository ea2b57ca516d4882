package io.github.mcpmonitoring.alerts;

import java.time.Instant;
import java.util.Map;

/**
 * A change of state of an alert instance.
 *
 * @param time when it changed
 * @param alertName the alert name
 * @param severity the severity
 * @param labels the labels of the instance
 * @param from the state before
 * @param to the state after
 * @param value the value at the time
 */
public record AlertTransition(Instant time, String alertName, AlertSeverity severity, Map<String, String> labels,
		AlertState from, AlertState to, double value) {

}
