package io.github.mcpmonitoring.alerts;

import java.time.Instant;
import java.util.Map;

/**
 * One alert instance as notifications and endpoints show it: a rule's alert for one set of labels.
 *
 * @param ruleId the id of the rule that raised it
 * @param name the alert name, such as {@code McpToolErrorRateHigh}
 * @param severity the severity
 * @param state the state
 * @param labels the labels of the instance (such as {@code gen_ai_tool_name}), without {@code alertname} and
 * {@code severity}
 * @param value the value that crossed the threshold, as of the last evaluation
 * @param summary a one-line summary
 * @param description a longer description
 * @param runbookUrl where the runbook of the alert is, or {@code null}
 * @param activeSince when the condition started to hold
 * @param firingSince when the alert started firing, or {@code null} when it has not fired
 * @param resolvedAt when the alert was resolved, or {@code null}
 */
public record Alert(String ruleId, String name, AlertSeverity severity, AlertState state, Map<String, String> labels,
		double value, String summary, String description, String runbookUrl, Instant activeSince,
		Instant firingSince, Instant resolvedAt) {

}
