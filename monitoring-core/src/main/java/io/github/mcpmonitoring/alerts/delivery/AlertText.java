package io.github.mcpmonitoring.alerts.delivery;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

import io.github.mcpmonitoring.alerts.Alert;

/**
 * Renders alerts as short single-line text for logs and chat messages.
 */
final class AlertText {

	private static final MathContext SIGNIFICANT_DIGITS = new MathContext(4);

	private AlertText() {
	}

	/**
	 * Return a chat-friendly line such as
	 * {@code [FIRING] McpToolErrorRateHigh (error) gen_ai_tool_name=search_entries: <summary>}.
	 * @param alert the alert
	 * @return the line
	 */
	static String headline(Alert alert) {
		StringBuilder line = new StringBuilder();
		line.append('[').append(alert.state().name()).append("] ").append(alert.name());
		line.append(" (").append(alert.severity().label()).append(')');
		sorted(alert.labels()).forEach((name, value) -> line.append(' ').append(name).append('=').append(value));
		if (alert.summary() != null && !alert.summary().isBlank()) {
			line.append(": ").append(alert.summary());
		}
		return singleLine(line.toString());
	}

	/**
	 * Return labels as {@code {a=1, b=2}}, sorted by name.
	 * @param labels the labels
	 * @return the text
	 */
	static String labels(Map<String, String> labels) {
		StringJoiner joined = new StringJoiner(", ", "{", "}");
		sorted(labels).forEach((name, value) -> joined.add(name + "=" + value));
		return singleLine(joined.toString());
	}

	/**
	 * Return a value with at most four significant digits, such as {@code 0.05} or {@code 2.417}.
	 * @param value the value
	 * @return the text
	 */
	static String value(double value) {
		if (!Double.isFinite(value)) {
			return String.valueOf(value);
		}
		return BigDecimal.valueOf(value).round(SIGNIFICANT_DIGITS).stripTrailingZeros().toPlainString();
	}

	/**
	 * Return text with line breaks and other control characters replaced by spaces, so that one alert stays one
	 * line in a log.
	 * @param text the text, or {@code null}
	 * @return the single-line text, or {@code null}
	 */
	static String singleLine(String text) {
		return (text != null) ? text.replaceAll("\\p{Cntrl}", " ") : null;
	}

	static Map<String, String> sorted(Map<String, String> labels) {
		return (labels != null) ? new TreeMap<>(labels) : Map.of();
	}

}
