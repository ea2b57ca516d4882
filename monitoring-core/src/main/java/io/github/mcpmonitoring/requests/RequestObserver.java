package io.github.mcpmonitoring.requests;

import java.util.Map;

import io.github.mcpmonitoring.core.McpMeterNames;
import io.github.mcpmonitoring.tracing.McpAccessLog;
import io.github.mcpmonitoring.tracing.McpRequestObservation;
import io.github.mcpmonitoring.tracing.McpRequestObservations;
import io.github.mcpmonitoring.tracing.ToolContentCapture;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.modelcontextprotocol.spec.McpSchema;

/**
 * Starts the span of each request the request layer sees and, when it is answered, stops it and writes the request's
 * access-log line; either part is left out when the application has none. Also says whether tools run with their name
 * and session id in the MDC.
 */
public final class RequestObserver {

	private final McpRequestObservations observations;

	private final ObservationRegistry registry;

	private final McpAccessLog accessLog;

	private final ToolContentCapture contentCapture;

	private final boolean toolMdc;

	/**
	 * Create the observer.
	 * @param observations where request spans start, or {@code null} when the application does not trace
	 * @param registry where the observation of the HTTP request a request arrives in is found, or {@code null}
	 * @param accessLog the access log, or {@code null} when it is off
	 * @param contentCapture what adds tool arguments and results to spans, or {@code null} when they stay out
	 * @param toolMdc whether tools run with their name and session id in the MDC
	 */
	public RequestObserver(McpRequestObservations observations, ObservationRegistry registry, McpAccessLog accessLog,
			ToolContentCapture contentCapture, boolean toolMdc) {
		this.observations = observations;
		this.registry = registry;
		this.accessLog = accessLog;
		this.contentCapture = contentCapture;
		this.toolMdc = toolMdc;
	}

	/** Whether there is anything to do: without spans, access log and MDC, requests pass untouched. */
	boolean isActive() {
		return this.observations != null || this.accessLog != null || this.toolMdc;
	}

	/** Whether tools run with their name and session id in the MDC. */
	boolean toolMdc() {
		return this.toolMdc;
	}

	McpRequestObservation start(String method, String target, Object id, String sessionId, String protocolVersion,
			String transport, Object params) {
		if (this.observations == null) {
			return McpRequestObservation.NOOP;
		}
		Observation parent = (this.registry != null) ? this.registry.getCurrentObservation() : null;
		return this.observations.start(method, target, (id != null) ? id.toString() : null, sessionId,
				protocolVersion, transport, meta(params), parent);
	}

	void end(McpRequest request, Object result, String method, String target, long durationNanos, String errorType,
			String errorOrigin, String statusCode) {
		McpRequestObservation observation = request.startedObservation();
		if (this.contentCapture != null && observation != null && McpMeterNames.METHOD_TOOLS_CALL.equals(method)) {
			this.contentCapture.capture(observation.observation(), request.params(), result);
		}
		if (this.accessLog != null) {
			// In the request's scope, so that the line carries its trace id like the tool's own lines.
			Observation.Scope scope = (observation != null) ? openScope(observation.observation()) : null;
			try {
				String client = (request.session() != null) ? request.session().clientName() : null;
				this.accessLog.log(method, target, durationNanos, errorType, errorOrigin, statusCode,
						request.sessionId(), client);
			}
			finally {
				if (scope != null) {
					scope.close();
				}
			}
		}
		if (observation != null) {
			observation.stop(errorType, errorOrigin, statusCode, request.toolFailure());
		}
	}

	private static Observation.Scope openScope(Observation observation) {
		return observation.isNoop() ? null : observation.openScope();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> meta(Object params) {
		if (params instanceof Map<?, ?> map && map.get("_meta") instanceof Map<?, ?> meta) {
			return (Map<String, Object>) meta;
		}
		if (params instanceof McpSchema.Request request) {
			return request.meta();
		}
		return null;
	}

}
