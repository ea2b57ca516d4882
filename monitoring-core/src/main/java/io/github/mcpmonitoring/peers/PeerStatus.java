package io.github.mcpmonitoring.peers;

import java.time.Duration;
import java.time.Instant;

/**
 * What is known of a peer after its last probe. Carries no header, no URL path or query and no text from the peer.
 *
 * @param name the peer's name
 * @param address the peer's host and port
 * @param check what its probes ask
 * @param critical whether the peer being down makes the health component DOWN
 * @param state whether it answered its last probe
 * @param lastLatency the time of its last probe, or {@code null} before the first
 * @param lastErrorType the {@code error.type} of its last failed probe, or {@code null} when it answered
 * @param lastError what happened at its last failed probe, or {@code null} when it answered
 * @param lastCheckedAt when its last probe ended, or {@code null} before the first
 * @param consecutiveFailures failed probes in a row, reset by an answer
 * @param tools the tools it offered at its last answered {@code tools/list}, or {@code null}
 */
public record PeerStatus(String name, String address, PeerCheck check, boolean critical, PeerState state,
		Duration lastLatency, String lastErrorType, String lastError, Instant lastCheckedAt, long consecutiveFailures,
		Integer tools) {

	static PeerStatus unknown(PeerSettings settings) {
		return new PeerStatus(settings.name(), settings.address() + ":" + settings.port(), settings.check(),
				settings.critical(), PeerState.UNKNOWN, null, null, null, null, 0, null);
	}

	PeerStatus after(PeerProbeResult result, Instant now) {
		if (result.succeeded()) {
			return new PeerStatus(this.name, this.address, this.check, this.critical, PeerState.UP, result.duration(),
					null, null, now, 0, (result.tools() != null) ? result.tools() : this.tools);
		}
		return new PeerStatus(this.name, this.address, this.check, this.critical, PeerState.DOWN, result.duration(),
				result.failure().errorType(), result.failure().description(), now, this.consecutiveFailures + 1,
				this.tools);
	}

}
