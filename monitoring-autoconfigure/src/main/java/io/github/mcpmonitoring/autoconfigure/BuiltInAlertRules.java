package io.github.mcpmonitoring.autoconfigure;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import io.github.mcpmonitoring.alerts.AlertRule;
import io.github.mcpmonitoring.alerts.rules.DiskSpaceRule;
import io.github.mcpmonitoring.alerts.rules.GaugeThresholdRule;
import io.github.mcpmonitoring.alerts.rules.KalturaSessionRule;
import io.github.mcpmonitoring.alerts.rules.MemoryRule;
import io.github.mcpmonitoring.alerts.rules.MeterHistory;
import io.github.mcpmonitoring.alerts.rules.RecentErrorsRule;
import io.github.mcpmonitoring.alerts.rules.RuleSettings;
import io.github.mcpmonitoring.alerts.rules.SlowCallsRule;
import io.github.mcpmonitoring.alerts.rules.ToolErrorRateRule;
import io.github.mcpmonitoring.alerts.rules.ToolLatencyRule;
import io.github.mcpmonitoring.alerts.rules.UpstreamAuthFailureRule;
import io.github.mcpmonitoring.core.McpMeterNames;
import io.github.mcpmonitoring.errors.RecentErrors;
import io.github.mcpmonitoring.kaltura.KalturaSessionStatusProvider;
import io.github.mcpmonitoring.system.MemoryStatusReader;
import io.github.mcpmonitoring.system.SystemMemory;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The built-in alert rules that are enabled, built from their configuration. Rules whose source is missing (memory
 * without OSHI, the Kaltura session without a status provider) are left out.
 */
public class BuiltInAlertRules {

	/** The window of the rules on recent activity: auth failures and slow calls. */
	static final Duration RECENT_WINDOW = Duration.ofMinutes(5);

	/** The window of the recent-errors rule. */
	static final Duration RECENT_ERRORS_WINDOW = Duration.ofHours(1);

	private final List<AlertRule> rules = new ArrayList<>();

	BuiltInAlertRules(McpAlertsProperties.Rules settings, MeterRegistry registry, MeterHistory history,
			RecentErrors recentErrors, SystemMemory systemMemory, KalturaSessionStatusProvider kalturaSession) {
		McpAlertsProperties.ToolErrorRate errorRate = settings.getToolErrorRate();
		add(errorRate, () -> new ToolErrorRateRule(settingsOf(errorRate), history, errorRate.getWindow(),
				errorRate.getMinCalls()));
		add(settings.getToolLatency(),
				() -> new ToolLatencyRule(settingsOf(settings.getToolLatency()), history, errorRate.getWindow()));
		add(settings.getRecentErrors(), () -> recentErrorsRule(settings.getRecentErrors(), recentErrors));
		if (systemMemory != null) {
			MemoryStatusReader memory = new MemoryStatusReader(systemMemory);
			add(settings.getMemory(), () -> new MemoryRule(settingsOf(settings.getMemory()),
					settings.getMemory().getCriticalThreshold(), memory));
		}
		add(settings.getCpu(), () -> new GaugeThresholdRule("cpu", "McpCpuHigh", settingsOf(settings.getCpu()),
				registry, "system.cpu.usage", null, false,
				(candidate, rule) -> String.format(Locale.ROOT, "CPU usage is %.0f%%", candidate.value() * 100),
				"The machine's CPU usage (system_cpu_usage) stayed above the threshold. Check the tool call rate and"
						+ " process_cpu_usage: is it this server or a neighbour?"));
		add(settings.getDiskSpace(), () -> new DiskSpaceRule(settingsOf(settings.getDiskSpace()), registry));
		add(settings.getApiConsecutiveFailures(), () -> new GaugeThresholdRule("api-consecutive-failures",
				"McpApiConsecutiveFailures", settingsOf(settings.getApiConsecutiveFailures()), registry,
				McpMeterNames.API_CONSECUTIVE_FAILURES, McpMeterNames.TAG_API, true,
				(candidate, rule) -> String.format(Locale.ROOT, "API %s failed %.0f times in a row",
						candidate.labels().getOrDefault("api", "?"), candidate.value()),
				"Every recent call to this upstream API failed. See the last error of the API on /actuator/mcp and"
						+ " error_type on mcp_api_call_duration_seconds_count."));
		if (kalturaSession != null) {
			add(settings.getKalturaSession(),
					() -> new KalturaSessionRule(settingsOf(settings.getKalturaSession()), kalturaSession));
		}
		add(settings.getUpstreamAuthFailure(), () -> new UpstreamAuthFailureRule(
				settingsOf(settings.getUpstreamAuthFailure()), history, RECENT_WINDOW));
		add(settings.getSlowCalls(),
				() -> new SlowCallsRule(settingsOf(settings.getSlowCalls()), history, RECENT_WINDOW));
	}

	/**
	 * Return the enabled built-in rules.
	 * @return the rules
	 */
	public List<AlertRule> rules() {
		return List.copyOf(this.rules);
	}

	private static AlertRule recentErrorsRule(McpAlertsProperties.Rule settings, RecentErrors recentErrors) {
		// The rule counts the failures the buffer keeps, never more than its capacity, and fires above the threshold.
		if (settings.getThreshold() >= recentErrors.capacity()) {
			throw new IllegalArgumentException("'" + settings.key("threshold") + "' (" + number(settings.getThreshold())
					+ ") must be below 'mcp.monitoring.health.recent-errors.capacity' (" + recentErrors.capacity()
					+ "): no more failures than that are kept, so the alert could never fire");
		}
		return new RecentErrorsRule(settingsOf(settings), recentErrors, RECENT_ERRORS_WINDOW);
	}

	private static String number(double value) {
		return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
	}

	private void add(McpAlertsProperties.Rule settings, Supplier<AlertRule> rule) {
		if (settings.isEnabled()) {
			this.rules.add(rule.get());
		}
	}

	private static RuleSettings settingsOf(McpAlertsProperties.Rule rule) {
		return new RuleSettings(rule.getSeverity(), rule.getThreshold(), rule.getFor());
	}

}
