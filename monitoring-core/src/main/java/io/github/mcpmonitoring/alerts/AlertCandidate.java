package io.github.mcpmonitoring.alerts;

import java.util.Map;

/**
 * A condition of a rule that holds at an evaluation: the labels of the alert instance and the value that crossed
 * the threshold.
 *
 * @param labels the labels that tell this instance from the rule's other instances (such as
 * {@code gen_ai_tool_name})
 * @param value the value that crossed the threshold
 * @param severity the severity of this instance
 */
public record AlertCandidate(Map<String, String> labels, double value, AlertSeverity severity) {

}
