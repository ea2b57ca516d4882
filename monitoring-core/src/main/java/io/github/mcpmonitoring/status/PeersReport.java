package io.github.mcpmonitoring.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.github.mcpmonitoring.peers.PeerState;
import io.github.mcpmonitoring.peers.PeerStatus;

/**
 * Reports the probed MCP peers: {@code DOWN} with {@code level: critical} only when a peer marked critical is down;
 * {@code UP} with {@code level: warning} when another peer is down; {@code UNKNOWN} before any peer was probed. Shows
 * no header, no URL path or query and no text a peer sent.
 */
public class PeersReport implements Supplier<ComponentStatus> {

	private final Supplier<List<PeerStatus>> statuses;

	/**
	 * Create a report.
	 * @param statuses the peers' current statuses
	 */
	public PeersReport(Supplier<List<PeerStatus>> statuses) {
		this.statuses = statuses;
	}

	@Override
	public ComponentStatus get() {
		List<PeerStatus> peers = this.statuses.get();
		Map<String, Object> details = new LinkedHashMap<>();
		peers.forEach((peer) -> details.put(peer.name(), details(peer)));
		return statusOf(peers).withDetail("peers", details).build();
	}

	private static ComponentStatus.Builder statusOf(List<PeerStatus> peers) {
		if (peers.stream().anyMatch((peer) -> peer.critical() && peer.state() == PeerState.DOWN)) {
			return ComponentStatus.status(ComponentStatus.DOWN).withDetail(StatusLevel.KEY, StatusLevel.CRITICAL);
		}
		if (peers.stream().anyMatch((peer) -> peer.state() == PeerState.DOWN)) {
			return StatusLevel.up(StatusLevel.WARNING);
		}
		if (!peers.isEmpty() && peers.stream().allMatch((peer) -> peer.state() == PeerState.UNKNOWN)) {
			return ComponentStatus.status(ComponentStatus.UNKNOWN);
		}
		return StatusLevel.up(StatusLevel.OK);
	}

	private static Map<String, Object> details(PeerStatus peer) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("state", peer.state().name());
		details.put("address", peer.address());
		details.put("check", peer.check().methodName());
		details.put("critical", peer.critical());
		putIfKnown(details, "lastLatency", (peer.lastLatency() != null) ? peer.lastLatency().toMillis() + "ms" : null);
		putIfKnown(details, "lastErrorType", peer.lastErrorType());
		putIfKnown(details, "lastError", peer.lastError());
		putIfKnown(details, "lastCheckedAt", SnapshotReport.iso(peer.lastCheckedAt()));
		details.put("consecutiveFailures", peer.consecutiveFailures());
		putIfKnown(details, "tools", peer.tools());
		return details;
	}

	private static void putIfKnown(Map<String, Object> details, String key, Object value) {
		if (value != null) {
			details.put(key, value);
		}
	}

}
