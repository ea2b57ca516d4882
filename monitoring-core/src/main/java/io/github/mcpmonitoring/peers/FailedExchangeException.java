package io.github.mcpmonitoring.peers;

/**
 * A failed HTTP exchange of an SSE probe, named by what it was (the event stream, or a message sent to the peer), so
 * that the probe's failure says where it happened. It carries the exchange's failure as its cause, no text of the
 * peer's and no stack trace of its own: it is never logged, only classified.
 */
final class FailedExchangeException extends RuntimeException {

	/** The {@code GET} that opened the event stream. */
	static final String EVENT_STREAM = "the event stream";

	/** A {@code POST} of a message to the peer. */
	static final String MESSAGE = "a message sent to the peer";

	private final String exchange;

	FailedExchangeException(String exchange, Throwable cause) {
		super(exchange + " failed", cause, false, false);
		this.exchange = exchange;
	}

	/**
	 * Return which exchange failed.
	 * @return {@link #EVENT_STREAM} or {@link #MESSAGE}
	 */
	String exchange() {
		return this.exchange;
	}

}
