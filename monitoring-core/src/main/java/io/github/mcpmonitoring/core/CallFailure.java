package io.github.mcpmonitoring.core;

import java.time.Instant;

import io.github.mcpmonitoring.failures.FailureClass;

/**
 * A failed tool or upstream API call, as the instrumentation saw it.
 *
 * @param time when the call ended
 * @param kind {@code tool} or {@code api}
 * @param name the tool or API name
 * @param errorType the {@code error.type} of the failure
 * @param message a short description of the failure, or {@code null}; may contain anything the failing code put in
 * it, so consumers that show it must redact it
 * @param failureClass what the failure is: the client's mistake, an authentication failure or other
 */
public record CallFailure(Instant time, String kind, String name, String errorType, String message,
		FailureClass failureClass) {

	/** Kind of a failed tool call. */
	public static final String TOOL = "tool";

	/** Kind of a failed upstream API call. */
	public static final String API = "api";

	/**
	 * Create a failure that is neither the client's mistake nor an authentication failure.
	 * @param time when the call ended
	 * @param kind {@code tool} or {@code api}
	 * @param name the tool or API name
	 * @param errorType the {@code error.type} of the failure
	 * @param message a short description of the failure, or {@code null}
	 */
	public CallFailure(Instant time, String kind, String name, String errorType, String message) {
		this(time, kind, name, errorType, message, FailureClass.OTHER);
	}

	/**
	 * Create a failure.
	 */
	public CallFailure {
		if (failureClass == null) {
			failureClass = FailureClass.OTHER;
		}
	}

	/**
	 * Tell whether the failure is the client's mistake.
	 * @return whether the failure class is {@link FailureClass#CLIENT_MISTAKE}
	 */
	public boolean clientError() {
		return this.failureClass.isClientMistake();
	}

	/**
	 * Return a copy with another message.
	 * @param message the message
	 * @return the copy
	 */
	public CallFailure withMessage(String message) {
		return new CallFailure(this.time, this.kind, this.name, this.errorType, message, this.failureClass);
	}

}
