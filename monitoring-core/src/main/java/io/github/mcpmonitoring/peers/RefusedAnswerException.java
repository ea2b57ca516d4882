package io.github.mcpmonitoring.peers;

/**
 * An answer of the peer that the probe kept from the MCP client, and the failure it makes of the probe. It carries no
 * text of the peer's and no stack trace: it is never logged, only classified.
 */
final class RefusedAnswerException extends RuntimeException {

	private final transient PeerFailure failure;

	RefusedAnswerException(PeerFailure failure) {
		super(failure.description(), null, false, false);
		this.failure = failure;
	}

	/**
	 * Return why the probe failed on the answer.
	 * @return the failure
	 */
	PeerFailure failure() {
		return this.failure;
	}

}
