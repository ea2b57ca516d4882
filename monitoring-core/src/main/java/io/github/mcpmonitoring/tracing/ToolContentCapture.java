package io.github.mcpmonitoring.tracing;

import java.util.List;
import java.util.Map;

import io.github.mcpmonitoring.errors.MessageRedactor;
import io.micrometer.observation.Observation;
import io.modelcontextprotocol.spec.McpSchema;

/**
 * Adds a tool call's arguments and result to its request's span, on opt-in only, through the redaction of recent
 * errors (secrets and opaque tokens removed) and cut to the redactor's maximum length.
 */
public final class ToolContentCapture {

	/** Span attribute of the call's arguments. */
	public static final String ARGUMENTS = "gen_ai.tool.call.arguments";

	/** Span attribute of the call's result. */
	public static final String RESULT = "gen_ai.tool.call.result";

	/** Longest text of a result's contents joined: what the redactor scans is bounded again after. */
	private static final int MAX_JOINED = 64 * 1024;

	private final MessageRedactor redactor;

	/**
	 * Create the capture.
	 * @param redactor what makes the values safe and short
	 */
	public ToolContentCapture(MessageRedactor redactor) {
		this.redactor = redactor;
	}

	/**
	 * Add the arguments of a {@code tools/call} request and its result to its observation.
	 * @param observation the request's observation
	 * @param params the request's params ({@code CallToolRequest} or the JSON-RPC params as a map)
	 * @param result the result of the answer ({@code CallToolResult} or a map), or {@code null}
	 */
	public void capture(Observation observation, Object params, Object result) {
		if (observation.isNoop()) {
			return;
		}
		Object arguments = (params instanceof McpSchema.CallToolRequest request) ? request.arguments()
				: (params instanceof Map<?, ?> map) ? map.get("arguments") : null;
		if (arguments != null) {
			observation.highCardinalityKeyValue(ARGUMENTS, this.redactor.redact(String.valueOf(arguments)));
		}
		String text = resultText(result);
		if (text != null) {
			observation.highCardinalityKeyValue(RESULT, this.redactor.redact(text));
		}
	}

	private static String resultText(Object result) {
		if (result instanceof McpSchema.CallToolResult callToolResult) {
			return text(callToolResult.content());
		}
		if (result instanceof Map<?, ?> map && map.get("content") instanceof List<?> content) {
			return text(content);
		}
		return null;
	}

	private static String text(List<?> contents) {
		if (contents == null) {
			return null;
		}
		StringBuilder text = new StringBuilder();
		for (Object content : contents) {
			if (text.length() >= MAX_JOINED) {
				break;
			}
			Object value = (content instanceof McpSchema.TextContent textContent) ? textContent.text()
					: (content instanceof Map<?, ?> map) ? map.get("text") : null;
			if (value != null) {
				if (!text.isEmpty()) {
					text.append('\n');
				}
				String part = value.toString();
				text.append(part, 0, Math.min(part.length(), MAX_JOINED - text.length()));
			}
		}
		return text.toString();
	}

}
