package io.github.mcpmonitoring.tracing;

import java.util.Locale;

import io.github.mcpmonitoring.core.ErrorTypes;
import io.github.mcpmonitoring.core.RecordingFailureLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Writes one INFO line per MCP request under the logger {@value #LOGGER_NAME}, so that it can be routed apart from
 * the application's log. The request's values are key-value pairs of the event as well as text of the message, so
 * that Spring Boot's structured logging (ECS, Logstash) writes them as fields.
 * <p>
 * What clients choose (session id, client name) is cut and stripped of control characters; other values are expected
 * bounded already (registered names and placeholders), and are cut too. Logging never throws.
 */
public class McpAccessLog {

	/** The name of the access log's logger. */
	public static final String LOGGER_NAME = "io.github.mcpmonitoring.access";

	/** Field of the request's outcome: {@code success}, {@code client_error} or {@code error}. */
	public static final String OUTCOME = "mcp.outcome";

	/** Field of the request's duration in nanoseconds (the ECS field for it). */
	public static final String DURATION = "event.duration";

	/** Field of the client's name from {@code initialize}. */
	public static final String CLIENT_NAME = "mcp.client.name";

	private static final int MAX_LENGTH = 128;

	private final Logger logger;

	private final RecordingFailureLog failureLog = new RecordingFailureLog();

	/**
	 * Create an access log writing to the logger {@value #LOGGER_NAME}.
	 */
	public McpAccessLog() {
		this(LoggerFactory.getLogger(LOGGER_NAME));
	}

	McpAccessLog(Logger logger) {
		this.logger = logger;
	}

	/**
	 * Write the line of one request.
	 * @param method the JSON-RPC method, bounded
	 * @param target the tool or prompt the request names, bounded, or {@code null}
	 * @param durationNanos how long the request took
	 * @param errorType the request's {@code error.type} ({@code none} or empty when it did not fail on the server's
	 * side)
	 * @param errorOrigin {@code none}, {@code client} or {@code server}
	 * @param statusCode the JSON-RPC error code of the answer, or {@code null} when it is a result
	 * @param sessionId the MCP session id, or {@code null}
	 * @param clientName the client's name from {@code initialize}, or {@code null} when unknown
	 */
	public void log(String method, String target, long durationNanos, String errorType, String errorOrigin,
			String statusCode, String sessionId, String clientName) {
		try {
			if (!this.logger.isInfoEnabled()) {
				return;
			}
			String safeMethod = BoundedText.of(method, MAX_LENGTH);
			String safeTarget = BoundedText.of(target, MAX_LENGTH);
			String outcome = outcome(errorType, errorOrigin, statusCode);
			LoggingEventBuilder event = this.logger.atInfo()
				.addKeyValue(McpObservationNames.METHOD, safeMethod)
				.addKeyValue(OUTCOME, outcome)
				.addKeyValue(DURATION, durationNanos);
			StringBuilder message = new StringBuilder(safeMethod);
			if (McpRequestObservations.hasText(safeTarget)) {
				event.addKeyValue(targetKey(method), safeTarget);
				message.append(' ').append(safeTarget);
			}
			message.append(' ').append(outcome);
			if (McpRequestObservations.hasText(errorType) && !ErrorTypes.NONE.equals(errorType)) {
				String safeErrorType = BoundedText.of(errorType, MAX_LENGTH);
				event.addKeyValue(McpObservationNames.ERROR_TYPE, safeErrorType);
				message.append(' ').append(safeErrorType);
			}
			if (McpRequestObservations.hasText(statusCode)) {
				String safeStatusCode = BoundedText.of(statusCode, MAX_LENGTH);
				event.addKeyValue(McpObservationNames.STATUS_CODE, safeStatusCode);
				message.append(" (JSON-RPC ").append(safeStatusCode).append(')');
			}
			message.append(' ').append(String.format(Locale.ROOT, "%.1f ms", durationNanos / 1_000_000.0));
			addIfPresent(event, McpObservationNames.SESSION_ID, sessionId);
			addIfPresent(event, CLIENT_NAME, clientName);
			event.log(message.toString());
		}
		catch (Throwable ex) {
			this.failureLog.recordingFailed("the access log", ex);
		}
	}

	private static String targetKey(String method) {
		return McpObservationNames.PROMPTS_GET.equals(method) ? McpObservationNames.PROMPT : McpObservationNames.TOOL;
	}

	private static String outcome(String errorType, String errorOrigin, String statusCode) {
		boolean failed = McpRequestObservations.hasText(errorType) && !ErrorTypes.NONE.equals(errorType);
		if ("client".equals(errorOrigin) || (!failed && McpRequestObservations.hasText(statusCode))) {
			return "client_error";
		}
		return failed ? "error" : "success";
	}

	private static void addIfPresent(LoggingEventBuilder event, String key, String value) {
		String safe = BoundedText.of(value, MAX_LENGTH);
		if (McpRequestObservations.hasText(safe)) {
			event.addKeyValue(key, safe);
		}
	}

}
