package io.github.mcpmonitoring.annotation;

import io.github.mcpmonitoring.tracing.ApiCallObservations;
import io.micrometer.observation.Observation;
import org.aopalliance.intercept.MethodInvocation;

/**
 * Records the calls of a synchronous {@link MonitoredApiCall @MonitoredApiCall} method as {@link MonitoredApiMethod}
 * does, inside an observation of the call, so that a tracer makes it a child span of the current one and the call's
 * own HTTP requests and log lines see that span.
 */
final class ObservedApiMethod extends MonitoredMethod {

	private final MonitoredApiMethod recorded;

	private final ApiCallObservations observations;

	private final String api;

	ObservedApiMethod(MonitoredApiMethod recorded, ApiCallObservations observations, String api) {
		super(ReturnKind.IMMEDIATE);
		this.recorded = recorded;
		this.observations = observations;
		this.api = api;
	}

	@Override
	Object invoke(MethodInvocation invocation) throws Throwable {
		Observation observation = this.observations.start(this.api);
		if (observation == null) {
			return this.recorded.invoke(invocation);
		}
		Throwable failure = null;
		// The timer is recorded inside the scope, so that its exemplar names this call's span.
		Observation.Scope scope = this.observations.openScope(observation);
		try {
			return this.recorded.invoke(invocation);
		}
		catch (Throwable ex) {
			failure = ex;
			throw ex;
		}
		finally {
			this.observations.closeScope(scope);
			this.observations.stop(observation, failure);
		}
	}

}
