package io.github.mcpmonitoring.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.github.mcpmonitoring.alerts.AlertRule;
import io.github.mcpmonitoring.alerts.rules.ApiConsecutiveFailuresRule;
import io.github.mcpmonitoring.alerts.rules.CpuRule;
import io.github.mcpmonitoring.alerts.rules.DiskSpaceRule;
import io.github.mcpmonitoring.alerts.rules.KalturaSessionRule;
import io.github.mcpmonitoring.alerts.rules.MemoryRule;
import io.github.mcpmonitoring.alerts.rules.MeterHistory;
import io.github.mcpmonitoring.alerts.rules.PeerDownRule;
import io.github.mcpmonitoring.alerts.rules.PeerSlowRule;
import io.github.mcpmonitoring.alerts.rules.RecentErrorsRule;
import io.github.mcpmonitoring.alerts.rules.RuleSettings;
import io.github.mcpmonitoring.alerts.rules.SlowCallsRule;
import io.github.mcpmonitoring.alerts.rules.ToolErrorRateRule;
import io.github.mcpmonitoring.alerts.rules.ToolLatencyRule;
import io.github.mcpmonitoring.alerts.rules.UnknownToolCallsRule;
import io.github.mcpmonitoring.alerts.rules.UpstreamAuthFailureRule;
import io.github.mcpmonitoring.errors.RecentErrors;
import io.github.mcpmonitoring.kaltura.KalturaSessionStatusProvider;
import io.github.mcpmonitoring.system.MemoryStatusReader;
import io.github.mcpmonitoring.system.SystemMemory;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The built-in alert rules that are enabled, built once from their configuration properties. Rules whose source is
 * missing (memory without OSHI, the Kaltura session without a status provider) are left out.
 */
public class BuiltInAlertRules {

	/** The window of the rules on recent activity: auth failures and slow calls. */
	static final Duration RECENT_WINDOW = Duration.ofMinutes(5);

	private static final String RULES = "mcp.monitoring.alerts.rules";

	private static final String HEALTH_MEMORY = "mcp.monitoring.health.memory";

	private final List<AlertRule> rules = new ArrayList<>();

	BuiltInAlertRules(McpAlertsProperties.Rules rules, McpMonitoringProperties.Health health, MeterRegistry registry,
			MeterHistory history, RecentErrors recentErrors, SystemMemory systemMemory,
			KalturaSessionStatusProvider kalturaSession) {
		McpAlertsProperties.ToolErrorRate errorRate = rules.getToolErrorRate();
		add(ToolErrorRateRule.ID, errorRate, () -> new ToolErrorRateRule(settings(errorRate, errorRate.getThreshold()),
				history, errorRate.getWindow(), errorRate.getMinCalls()));
		McpAlertsProperties.ToolLatency latency = rules.getToolLatency();
		add(ToolLatencyRule.ID, latency, () -> new ToolLatencyRule(settings(latency, latency.getThreshold()), history,
				latency.getWindow()));
		McpAlertsProperties.RecentErrors errors = rules.getRecentErrors();
		add(SettingKeys.under(RULES + "." + RecentErrorsRule.ID)
			.with("window", "mcp.monitoring.health.recent-errors.window"), errors,
				() -> new RecentErrorsRule(settings(errors, errors.getThreshold()), recentErrors,
						health.getRecentErrors().getWindow()));
		if (systemMemory != null) {
			addMemoryRule(rules.getMemory(), health.getMemory(), new MemoryStatusReader(systemMemory));
		}
		McpAlertsProperties.Cpu cpu = rules.getCpu();
		add(CpuRule.ID, cpu, () -> new CpuRule(settings(cpu, cpu.getThreshold()), registry));
		McpAlertsProperties.DiskSpace disk = rules.getDiskSpace();
		add(DiskSpaceRule.ID, disk, () -> new DiskSpaceRule(settings(disk, disk.getThreshold()), registry));
		McpAlertsProperties.ApiConsecutiveFailures api = rules.getApiConsecutiveFailures();
		add(ApiConsecutiveFailuresRule.ID, api,
				() -> new ApiConsecutiveFailuresRule(settings(api, api.getThreshold()), registry));
		if (kalturaSession != null) {
			McpAlertsProperties.KalturaSession session = rules.getKalturaSession();
			add(KalturaSessionRule.ID, session, () -> new KalturaSessionRule(settings(session, 0), kalturaSession));
		}
		McpAlertsProperties.UpstreamAuthFailure auth = rules.getUpstreamAuthFailure();
		add(UpstreamAuthFailureRule.ID, auth, () -> new UpstreamAuthFailureRule(settings(auth, auth.getThreshold()),
				history, RECENT_WINDOW));
		McpAlertsProperties.SlowCalls slow = rules.getSlowCalls();
		add(SlowCallsRule.ID, slow,
				() -> new SlowCallsRule(settings(slow, slow.getThreshold()), history, RECENT_WINDOW));
		// On the peers' gauges: without mcp.monitoring.peers they find nothing and never hold.
		McpAlertsProperties.PeerDown peerDown = rules.getPeerDown();
		add(PeerDownRule.ID, peerDown,
				() -> new PeerDownRule(settings(peerDown, peerDown.getThreshold()), registry));
		McpAlertsProperties.PeerSlow peerSlow = rules.getPeerSlow();
		add(PeerSlowRule.ID, peerSlow,
				() -> new PeerSlowRule(settings(peerSlow, peerSlow.getThreshold()), registry));
		McpAlertsProperties.UnknownToolCalls unknown = rules.getUnknownToolCalls();
		add(UnknownToolCallsRule.ID, unknown, () -> new UnknownToolCallsRule(settings(unknown, unknown.getThreshold()),
				history, unknown.getWindow()));
	}

	/**
	 * Return the enabled built-in rules.
	 * @return the rules
	 */
	public List<AlertRule> rules() {
		return List.copyOf(this.rules);
	}

	private void addMemoryRule(McpAlertsProperties.Memory memory, McpMonitoringProperties.Memory thresholds,
			MemoryStatusReader reader) {
		// The rule fires on the thresholds of the memory health component, so the two never disagree.
		SettingKeys keys = SettingKeys.under(RULES + "." + MemoryRule.ID)
			.with("threshold", HEALTH_MEMORY + ".warning-threshold")
			.with("criticalThreshold", HEALTH_MEMORY + ".critical-threshold");
		add(keys, memory, () -> new MemoryRule(settings(memory, thresholds.getWarningThreshold()),
				thresholds.getCriticalThreshold(), reader));
	}

	private void add(String id, McpAlertsProperties.Rule settings, Supplier<AlertRule> rule) {
		add(SettingKeys.under(RULES + "." + id), settings, rule);
	}

	private void add(SettingKeys keys, McpAlertsProperties.Rule settings, Supplier<AlertRule> rule) {
		if (settings.isEnabled()) {
			this.rules.add(keys.build(rule));
		}
	}

	private static RuleSettings settings(McpAlertsProperties.Rule rule, double threshold) {
		return new RuleSettings(rule.getSeverity(), threshold, rule.getFor());
	}

}
