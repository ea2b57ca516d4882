package io.github.mcpmonitoring.tracing;

import io.github.mcpmonitoring.core.ErrorTypes;
import io.github.mcpmonitoring.core.RecordingFailureLog;
import io.micrometer.observation.Observation;

/**
 * The started observation of one MCP request, stopped once with the request's outcome.
 */
public class McpRequestObservation {

	/** A request that is not observed: every method does nothing. */
	public static final McpRequestObservation NOOP = new McpRequestObservation(Observation.NOOP, null);

	private final Observation observation;

	private final RecordingFailureLog failureLog;

	McpRequestObservation(Observation observation, RecordingFailureLog failureLog) {
		this.observation = observation;
		this.failureLog = failureLog;
	}

	/**
	 * Return the observation, to open its scope where the request is handled or to start child observations under
	 * it.
	 * @return the observation, {@link Observation#NOOP} when the request is not observed
	 */
	public Observation observation() {
		return this.observation;
	}

	/**
	 * Stop the observation with the request's outcome. Values are those of the request's metric attributes. Never
	 * throws.
	 * @param errorType the request's {@code error.type}: {@code none} or empty when it did not fail on the server's
	 * side, else {@code tool_error}, an exception class or a JSON-RPC error code
	 * @param errorOrigin {@code none}, {@code client} or {@code server}
	 * @param statusCode the JSON-RPC error code of the answer, or {@code null} or empty when it is a result
	 * @param failure the exception the request ended with, or {@code null}
	 */
	public void stop(String errorType, String errorOrigin, String statusCode, Throwable failure) {
		if (this == NOOP) {
			return;
		}
		try {
			boolean failed = McpRequestObservations.hasText(errorType) && !ErrorTypes.NONE.equals(errorType);
			if (failed) {
				this.observation.lowCardinalityKeyValue(McpObservationNames.ERROR_TYPE, errorType);
			}
			if (McpRequestObservations.hasText(errorOrigin) && !ErrorTypes.NONE.equals(errorOrigin)) {
				this.observation.lowCardinalityKeyValue(McpObservationNames.ERROR_ORIGIN, errorOrigin);
			}
			if (McpRequestObservations.hasText(statusCode)) {
				this.observation.lowCardinalityKeyValue(McpObservationNames.STATUS_CODE, statusCode);
			}
			if (failure != null) {
				this.observation.error(failure);
			}
			else if (failed) {
				this.observation.error(new McpErrorOutcome(errorType));
			}
			this.observation.stop();
		}
		catch (Throwable ex) {
			this.failureLog.recordingFailed(McpObservationNames.REQUEST, ex);
		}
	}

}
