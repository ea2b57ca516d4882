package io.github.mcpmonitoring.failures;

/**
 * What a failed tool or API call is, as a {@link FailureClassifier} decides it.
 */
public enum FailureClass {

	/**
	 * The client sent something the tool rejects: malformed or wrongly typed arguments. Counted and shown, but not
	 * in error rates, the recent-errors level or the authentication failures.
	 */
	CLIENT_MISTAKE("client"),

	/** The upstream rejected the server's credentials: HTTP 401 or 403, an expired or revoked session key. */
	AUTHENTICATION("server"),

	/** Any other failure: the server's or its upstream's. */
	OTHER("server");

	private final String origin;

	FailureClass(String origin) {
		this.origin = origin;
	}

	/**
	 * Return the value of the {@code error.origin} tag of a call that failed this way.
	 * @return {@code client} for a client mistake, else {@code server}
	 */
	public String origin() {
		return this.origin;
	}

	/**
	 * Tell whether this is the client's mistake.
	 * @return whether this is {@link #CLIENT_MISTAKE}
	 */
	public boolean isClientMistake() {
		return this == CLIENT_MISTAKE;
	}

}
