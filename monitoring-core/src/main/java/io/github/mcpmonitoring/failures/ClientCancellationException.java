package io.github.mcpmonitoring.failures;

import java.util.concurrent.CancellationException;

/**
 * Ends a tool call whose MCP client cancelled it or went away before the answer: the client's choice, so it is
 * classified as the client's and never counts as the server failing.
 */
public final class ClientCancellationException extends CancellationException {

	/**
	 * Create the exception.
	 */
	public ClientCancellationException() {
		super("Tool call cancelled by the client");
	}

}
