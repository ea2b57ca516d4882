package io.github.mcpmonitoring.peers;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;

import io.github.mcpmonitoring.core.MonitoringScheduler;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The configured MCP peers of an application, probed on the starter's scheduler.
 */
public class McpPeers implements AutoCloseable {

	private final List<McpPeer> peers;

	private final List<ScheduledFuture<?>> schedules = new CopyOnWriteArrayList<>();

	/**
	 * Create the peers and register their gauges.
	 * @param settings the peers, in the order they are shown
	 * @param registry where their meters go
	 * @param clock the clock that dates their probes
	 */
	public McpPeers(List<PeerSettings> settings, MeterRegistry registry, Clock clock) {
		this.peers = settings.stream().map((peer) -> new McpPeer(peer, registry, clock)).toList();
	}

	/**
	 * Probe every peer now and then every interval of its own, off the calling thread. A probe never holds a thread
	 * of the scheduler while it waits for the peer.
	 * @param scheduler the starter's scheduler
	 * @return these peers
	 */
	public McpPeers scheduleOn(MonitoringScheduler scheduler) {
		for (McpPeer peer : this.peers) {
			this.schedules.add(scheduler.scheduleWithFixedDelay("probe of MCP peer '" + peer.settings().name() + "'",
					peer::probe, peer.settings().interval()));
		}
		return this;
	}

	/**
	 * Return the peers.
	 * @return the peers, in their configured order
	 */
	public List<McpPeer> peers() {
		return this.peers;
	}

	/**
	 * Return what is known of every peer.
	 * @return the statuses, in the peers' order
	 */
	public List<PeerStatus> statuses() {
		return this.peers.stream().map(McpPeer::status).toList();
	}

	@Override
	public void close() {
		this.schedules.forEach((schedule) -> schedule.cancel(false));
		this.peers.forEach(McpPeer::close);
	}

}
