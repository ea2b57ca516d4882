package io.github.mcpmonitoring.alerts.rules;

import java.util.Locale;

import io.github.mcpmonitoring.alerts.AlertCandidate;
import io.github.mcpmonitoring.core.SettingChecks;
import io.github.mcpmonitoring.peers.PeerMeterNames;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code McpPeerSlow}: per probed peer MCP server, its last answered probe took longer than the threshold
 * ({@code mcp.peer.probe.duration}, which a failed probe leaves empty, so a peer that is down is not also slow).
 */
public class PeerSlowRule extends GaugeThresholdRule {

	/** The id of this rule. */
	public static final String ID = "peer-slow";

	/**
	 * Create the rule.
	 * @param settings severity, threshold (seconds, more than 0) and {@code for}
	 * @param registry where the peers' gauges are
	 */
	public PeerSlowRule(RuleSettings settings, MeterRegistry registry) {
		super(ID, "McpPeerSlow", settings, registry, PeerMeterNames.PEER_PROBE_DURATION, PeerMeterNames.TAG_PEER,
				false);
		SettingChecks.requireNonNegative("threshold", settings.threshold());
	}

	@Override
	public String summary(AlertCandidate candidate) {
		return String.format(Locale.ROOT, "MCP peer %s answers its probes in %.2f s", label(candidate, "peer"),
				candidate.value());
	}

	@Override
	public String description(AlertCandidate candidate) {
		return "The peer MCP server answers, but a whole probe (initialize and ping or tools/list) takes longer than"
				+ " the threshold. See mcp_client_operation_duration_seconds for which operation is slow.";
	}

}
