package io.github.mcpmonitoring.alerts.rules;

import java.util.Locale;

import io.github.mcpmonitoring.alerts.AlertCandidate;
import io.github.mcpmonitoring.core.SettingChecks;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code McpCpuHigh}: the machine's CPU usage ({@code system.cpu.usage}, the gauge Micrometer registers) is above the
 * threshold.
 */
public class CpuRule extends GaugeThresholdRule {

	/** The id of this rule. */
	public static final String ID = "cpu";

	/**
	 * Create the rule.
	 * @param settings severity, threshold (a ratio between 0 and 1) and {@code for}
	 * @param registry where the CPU gauge is
	 */
	public CpuRule(RuleSettings settings, MeterRegistry registry) {
		super(ID, "McpCpuHigh", settings, registry, "system.cpu.usage", null, false);
		SettingChecks.requireRatio("threshold", settings.threshold());
	}

	@Override
	public String summary(AlertCandidate candidate) {
		return String.format(Locale.ROOT, "CPU usage is %.0f%%", candidate.value() * 100);
	}

	@Override
	public String description(AlertCandidate candidate) {
		return "The machine's CPU usage (system_cpu_usage) stayed above the threshold. Check the tool call rate and"
				+ " process_cpu_usage: is it this server or a neighbour?";
	}

}
