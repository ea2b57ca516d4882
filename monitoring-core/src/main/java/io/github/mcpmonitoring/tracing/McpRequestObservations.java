package io.github.mcpmonitoring.tracing;

import java.util.Map;

import io.github.mcpmonitoring.core.RecordingFailureLog;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

/**
 * Starts the observation of one MCP request: kind {@code SERVER}, named {@code {mcp.method.name} {target}}, with the
 * request's attributes, and the caller's trace context from {@code params._meta} when a tracer's propagator finds
 * one there.
 * <p>
 * When the registry has no handler, nothing is created and {@link McpRequestObservation#NOOP} is returned. Starting
 * never throws: a failure is logged once and the request goes on unobserved.
 */
public final class McpRequestObservations {

	private static final int MAX_ID_LENGTH = 128;

	private final ObservationRegistry registry;

	private final RecordingFailureLog failureLog = new RecordingFailureLog();

	/**
	 * Create the entry point over an observation registry.
	 * @param registry the application's observation registry
	 */
	public McpRequestObservations(ObservationRegistry registry) {
		this.registry = registry;
	}

	/**
	 * Start observing a request. Values named as bounded must already be bounded by the caller (a registered name or
	 * a placeholder); the others are bounded here.
	 * @param method the JSON-RPC method, bounded ({@code _OTHER} for a method the server does not know)
	 * @param target the tool or prompt the request names, bounded, or {@code null}
	 * @param requestId the JSON-RPC request id, or {@code null}
	 * @param sessionId the MCP session id, or {@code null} when the transport has none
	 * @param protocolVersion the negotiated protocol version, bounded, or {@code null} when unknown
	 * @param transport {@code tcp} or {@code pipe}
	 * @param meta the request's {@code params._meta}, or {@code null}
	 * @param parent the observation the request runs under (the HTTP request's), or {@code null} for the current one
	 * @return the started observation, to be stopped exactly once
	 */
	public McpRequestObservation start(String method, String target, String requestId, String sessionId,
			String protocolVersion, String transport, Map<String, Object> meta, Observation parent) {
		if (this.registry.isNoop()) {
			return McpRequestObservation.NOOP;
		}
		try {
			McpRequestObservationContext context = new McpRequestObservationContext(method, target, meta);
			Observation observation = Observation
				.createNotStarted(McpObservationNames.REQUEST, () -> context, this.registry)
				.contextualName(hasText(target) ? method + " " + target : method)
				.lowCardinalityKeyValue(McpObservationNames.METHOD, method);
			if (McpObservationNames.TOOLS_CALL.equals(method)) {
				observation.lowCardinalityKeyValue(McpObservationNames.OPERATION, McpObservationNames.EXECUTE_TOOL);
				addIfPresent(observation, McpObservationNames.TOOL, target);
			}
			else if (McpObservationNames.PROMPTS_GET.equals(method)) {
				addIfPresent(observation, McpObservationNames.PROMPT, target);
			}
			addIfPresent(observation, McpObservationNames.TRANSPORT, transport);
			addIfPresent(observation, McpObservationNames.PROTOCOL_VERSION, protocolVersion);
			if (hasText(sessionId)) {
				observation.highCardinalityKeyValue(McpObservationNames.SESSION_ID,
						BoundedText.of(sessionId, MAX_ID_LENGTH));
			}
			if (hasText(requestId)) {
				observation.highCardinalityKeyValue(McpObservationNames.REQUEST_ID,
						BoundedText.of(requestId, MAX_ID_LENGTH));
			}
			if (parent != null) {
				observation.parentObservation(parent);
			}
			return new McpRequestObservation(observation.start(), this.failureLog);
		}
		catch (Throwable ex) {
			this.failureLog.recordingFailed(McpObservationNames.REQUEST, ex);
			return McpRequestObservation.NOOP;
		}
	}

	private static void addIfPresent(Observation observation, String key, String value) {
		if (hasText(value)) {
			observation.lowCardinalityKeyValue(key, value);
		}
	}

	static boolean hasText(String value) {
		return value != null && !value.isEmpty();
	}

}
