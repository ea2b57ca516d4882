package io.github.mcpmonitoring.alerts.rules;

import java.util.Locale;

import io.github.mcpmonitoring.alerts.AlertCandidate;
import io.github.mcpmonitoring.core.SettingChecks;
import io.github.mcpmonitoring.peers.PeerMeterNames;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code McpPeerDown}: per probed peer MCP server, at least the threshold of probes failed in a row
 * ({@code mcp.peer.consecutive.failures}).
 */
public class PeerDownRule extends GaugeThresholdRule {

	/** The id of this rule. */
	public static final String ID = "peer-down";

	/**
	 * Create the rule.
	 * @param settings severity, threshold (failed probes in a row, at least 1) and {@code for}
	 * @param registry where the peers' gauges are
	 */
	public PeerDownRule(RuleSettings settings, MeterRegistry registry) {
		super(ID, "McpPeerDown", settings, registry, PeerMeterNames.PEER_CONSECUTIVE_FAILURES,
				PeerMeterNames.TAG_PEER, true);
		SettingChecks.requireAtLeast("threshold", settings.threshold(), 1.0);
	}

	@Override
	public String summary(AlertCandidate candidate) {
		return String.format(Locale.ROOT, "MCP peer %s failed %.0f probes in a row", label(candidate, "peer"),
				candidate.value());
	}

	@Override
	public String description(AlertCandidate candidate) {
		return "The peer MCP server does not answer its probes (initialize and ping or tools/list). See the mcpPeers"
				+ " component of /actuator/health for the last error and error_type on"
				+ " mcp_client_operation_duration_seconds_count.";
	}

}
