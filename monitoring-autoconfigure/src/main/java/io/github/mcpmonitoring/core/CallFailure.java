package io.github.mcpmonitoring.core;

import java.time.Instant;

/**
 * A failed tool or upstream API call, as the instrumentation saw it.
 *
 * @param time when the call ended
 * @param kind {@code tool} or {@code api}
 * @param name the tool or API name
 * @param errorType the {@code error.type} of the failure
 * @param message a short description of the failure, or {@code null}; may contain anything the failing code put in
 * it, so consumers that show it must redact it
 */
public record CallFailure(Instant time, String kind, String name, String errorType, String message) {

	/** Kind of a failed tool call. */
	public static final String TOOL = "tool";

	/** Kind of a failed upstream API call. */
	public static final String API = "api";

	/**
	 * Return a copy with another message.
	 * @param message the message
	 * @return the copy
	 */
	public CallFailure withMessage(String message) {
		return new CallFailure(this.time, this.kind, this.name, this.errorType, message);
	}

}
