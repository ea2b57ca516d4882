package io.github.mcpmonitoring.core;

/**
 * A tool call counted by the in-flight meter until it {@link #end() ends}.
 *
 * @see InFlightCalls
 */
public interface InFlightCall {

	/**
	 * Stop counting the call as in flight. Called once, when the call is recorded.
	 */
	void end();

}
