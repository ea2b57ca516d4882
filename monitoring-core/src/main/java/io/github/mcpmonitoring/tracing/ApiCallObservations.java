package io.github.mcpmonitoring.tracing;

import io.github.mcpmonitoring.core.ErrorTypes;
import io.github.mcpmonitoring.core.RecordingFailureLog;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

/**
 * Starts and stops the observations of {@code @MonitoredApiCall} methods: named {@value McpObservationNames#API_CALL},
 * with the API name as contextual name, children of whatever observation is current.
 * <p>
 * The duration of a call is recorded by the starter's own timer, not by these observations: the starter's
 * {@link StarterMeteredObservationHandler} keeps the application's meter handler from making a second one. Nothing
 * here ever throws.
 */
public final class ApiCallObservations {

	private final ObservationRegistry registry;

	private final RecordingFailureLog failureLog = new RecordingFailureLog();

	/**
	 * Create the entry point over an observation registry.
	 * @param registry the application's observation registry
	 */
	public ApiCallObservations(ObservationRegistry registry) {
		this.registry = registry;
	}

	/**
	 * Tell whether the registry has a handler, so that observations are worth starting at all.
	 * @return whether calls are observed
	 */
	public boolean isActive() {
		return !this.registry.isNoop();
	}

	/**
	 * Start the observation of a call and make it current.
	 * @param api the API name
	 * @return the started observation, or {@code null} when the call is not observed
	 */
	public Observation start(String api) {
		if (this.registry.isNoop()) {
			return null;
		}
		try {
			return Observation.createNotStarted(McpObservationNames.API_CALL, () -> new ApiCallObservationContext(api),
					this.registry)
				.contextualName(api)
				.lowCardinalityKeyValue(McpObservationNames.API, api)
				.start();
		}
		catch (Throwable ex) {
			this.failureLog.recordingFailed(McpObservationNames.API_CALL, ex);
			return null;
		}
	}

	/**
	 * Open the scope of a started observation, so that what the call does (its HTTP client, its log lines) sees it
	 * as current.
	 * @param observation the observation {@link #start} returned
	 * @return the scope to close when the call returns, or {@code null} if it could not be opened
	 */
	public Observation.Scope openScope(Observation observation) {
		try {
			return observation.openScope();
		}
		catch (Throwable ex) {
			this.failureLog.recordingFailed(McpObservationNames.API_CALL, ex);
			return null;
		}
	}

	/**
	 * Close a scope {@link #openScope} opened.
	 * @param scope the scope, or {@code null}
	 */
	public void closeScope(Observation.Scope scope) {
		if (scope == null) {
			return;
		}
		try {
			scope.close();
		}
		catch (Throwable ex) {
			this.failureLog.recordingFailed(McpObservationNames.API_CALL, ex);
		}
	}

	/**
	 * Stop the observation of a call.
	 * @param observation the observation {@link #start} returned
	 * @param failure the exception the call ended with, or {@code null} on success
	 */
	public void stop(Observation observation, Throwable failure) {
		try {
			if (failure != null) {
				observation.lowCardinalityKeyValue(McpObservationNames.ERROR_TYPE, ErrorTypes.of(failure));
				observation.error(failure);
			}
			observation.stop();
		}
		catch (Throwable ex) {
			this.failureLog.recordingFailed(McpObservationNames.API_CALL, ex);
		}
	}

}
