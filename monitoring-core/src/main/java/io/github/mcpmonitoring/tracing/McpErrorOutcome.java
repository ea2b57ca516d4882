package io.github.mcpmonitoring.tracing;

/**
 * Stands for the failure of a request that threw nothing (an {@code isError} result, a JSON-RPC error answer), so that
 * a tracer marks the request's span as failed. It carries no stack trace and no text from the client.
 */
public final class McpErrorOutcome extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String errorType;

	/**
	 * Create the outcome of a failed request.
	 * @param errorType the request's {@code error.type}
	 */
	public McpErrorOutcome(String errorType) {
		super(errorType, null, false, false);
		this.errorType = errorType;
	}

	/**
	 * Return the request's {@code error.type}.
	 * @return the error type
	 */
	public String errorType() {
		return this.errorType;
	}

}
