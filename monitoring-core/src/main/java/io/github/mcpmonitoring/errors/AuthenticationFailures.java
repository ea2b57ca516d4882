package io.github.mcpmonitoring.errors;

import io.github.mcpmonitoring.core.CallFailure;
import io.github.mcpmonitoring.core.CallFailureListener;
import io.github.mcpmonitoring.failures.FailureClass;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts failed tool and API calls classified as authentication failures (an upstream's HTTP 401 or 403, a
 * rejected session key such as Kaltura's {@code INVALID_KS} recognised by an application's classifier) as
 * {@code mcp.upstream.auth.failures}, with tags {@code kind} and {@code name}. By default the classification reads
 * the failure's structure, never its message; only configured auth-failure patterns read the message of an upstream
 * API failure, which may echo what a client sent.
 */
public class AuthenticationFailures implements CallFailureListener {

	/** The name of the counter. */
	public static final String METER_NAME = "mcp.upstream.auth.failures";

	private final MeterRegistry registry;

	/**
	 * Create a counter of authentication failures.
	 * @param registry where the counter is registered
	 */
	public AuthenticationFailures(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void onFailure(CallFailure failure) {
		if (isAuthenticationFailure(failure)) {
			Counter.builder(METER_NAME)
				.description("Failed tool and API calls classified as authentication failures")
				.tag("kind", failure.kind())
				.tag("name", failure.name())
				.register(this.registry)
				.increment();
		}
	}

	/**
	 * Tell whether a failure counts as an authentication failure.
	 * @param failure the failure
	 * @return whether it was classified as one
	 */
	public boolean isAuthenticationFailure(CallFailure failure) {
		return failure.failureClass() == FailureClass.AUTHENTICATION;
	}

}
