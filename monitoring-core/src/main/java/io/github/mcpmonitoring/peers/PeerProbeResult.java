package io.github.mcpmonitoring.peers;

import java.time.Duration;
import java.util.List;

/**
 * The outcome of one probe: each MCP operation it made, and how the whole exchange ended.
 *
 * @param operations the operations in their order, the failed one last
 * @param duration the time of the whole exchange
 * @param failure why the probe failed, or {@code null} when the peer answered
 * @param tools the number of tools the peer offers, or {@code null} when not asked or not known
 */
public record PeerProbeResult(List<Operation> operations, Duration duration, PeerFailure failure, Integer tools) {

	/**
	 * Create a result.
	 * @param operations the operations
	 * @param duration the time of the exchange
	 * @param failure the failure, or {@code null}
	 * @param tools the number of tools, or {@code null}
	 */
	public PeerProbeResult {
		operations = List.copyOf(operations);
	}

	/**
	 * Return whether the peer answered every operation.
	 * @return {@code true} on success
	 */
	public boolean succeeded() {
		return this.failure == null;
	}

	/**
	 * One MCP operation of a probe.
	 *
	 * @param methodName the MCP method, such as {@code initialize}
	 * @param duration its time
	 * @param errorType {@code none}, or the {@code error.type} of the failure it ended with
	 */
	public record Operation(String methodName, Duration duration, String errorType) {

	}

}
