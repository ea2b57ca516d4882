package io.github.mcpmonitoring.sample.kaltura;

import java.util.Set;

import io.github.mcpmonitoring.failures.FailedCall;
import io.github.mcpmonitoring.failures.FailureClass;
import io.github.mcpmonitoring.failures.FailureClassifier;

/**
 * Recognises Kaltura's own signal of a rejected authentication: a {@link KalturaApiException} whose code says the
 * session key or the admin secret was refused. Everything else is left to the starter's classifier.
 */
public class KalturaFailureClassifier implements FailureClassifier {

	/** Codes Kaltura answers when it refuses the session key or the secret the session was started with. */
	static final Set<String> AUTHENTICATION_CODES = Set.of(KalturaApiException.INVALID_KS, "START_SESSION_ERROR",
			"SERVICE_FORBIDDEN");

	/** A cause chain may be a cycle. */
	private static final int MAX_DEPTH = 10;

	@Override
	public FailureClass classify(FailedCall call) {
		Throwable current = call.failure();
		for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
			if (current instanceof KalturaApiException kaltura) {
				return AUTHENTICATION_CODES.contains(kaltura.getCode()) ? FailureClass.AUTHENTICATION : null;
			}
			current = current.getCause();
		}
		return null;
	}

}
