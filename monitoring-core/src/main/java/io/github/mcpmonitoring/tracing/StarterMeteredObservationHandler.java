package io.github.mcpmonitoring.tracing;

import io.micrometer.core.instrument.observation.MeterObservationHandler;
import io.micrometer.observation.Observation;

/**
 * Takes the starter's own observations in the application's group of meter handlers and records nothing for them, so
 * that the application's default meter handler does not make a second timer beside the starter's
 * ({@code mcp.server.operation.duration}, {@code mcp.api.call.duration}).
 * <p>
 * Spring Boot hands each observation to the first meter handler that supports it, in bean order: this handler must
 * come first, and be registered after Boot has decided on its default handler.
 */
public class StarterMeteredObservationHandler implements MeterObservationHandler<Observation.Context> {

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof McpRequestObservationContext || context instanceof ApiCallObservationContext;
	}

}
