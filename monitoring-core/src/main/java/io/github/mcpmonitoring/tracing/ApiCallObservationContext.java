package io.github.mcpmonitoring.tracing;

import io.micrometer.observation.Observation;

/**
 * The observation context of one call of a {@code @MonitoredApiCall} method.
 */
public class ApiCallObservationContext extends Observation.Context {

	private final String api;

	/**
	 * Create the context of a call.
	 * @param api the API name the annotation gives
	 */
	public ApiCallObservationContext(String api) {
		this.api = api;
	}

	/**
	 * Return the API name.
	 * @return the API name
	 */
	public String getApi() {
		return this.api;
	}

}
