package io.github.mcpmonitoring.health;

import io.github.mcpmonitoring.peers.McpPeers;
import io.github.mcpmonitoring.status.PeersReport;

/**
 * The {@code mcpPeers} health component: the {@link PeersReport} of the probed MCP peers, read from their last
 * probes, so that a health request never waits for a peer.
 */
public class McpPeersHealthIndicator extends ComponentHealthIndicator {

	/**
	 * Create an indicator.
	 * @param peers the probed peers
	 */
	public McpPeersHealthIndicator(McpPeers peers) {
		super(new PeersReport(peers::statuses));
	}

}
