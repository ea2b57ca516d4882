package io.github.mcpmonitoring.alerts.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import io.github.mcpmonitoring.alerts.AlertCandidate;
import io.github.mcpmonitoring.alerts.AlertSeverity;
import io.github.mcpmonitoring.core.InvalidSettingException;
import io.github.mcpmonitoring.core.SettingChecks;
import io.github.mcpmonitoring.system.MemoryStatus;

/**
 * {@code McpMemoryHigh}: the used memory ratio (the higher of the heap after garbage collection and the machine or
 * container) is above the threshold (the rule's severity, {@code warning} by default) or above the critical one
 * ({@code critical}).
 */
public class MemoryRule extends BuiltInAlertRule {

	/** The id of this rule. */
	public static final String ID = "memory";

	private final Supplier<MemoryStatus> memory;

	private final double criticalThreshold;

	/**
	 * Create the rule.
	 * @param settings {@code for}, the threshold (a ratio between 0 and 1) and the severity above it, which must not
	 * be critical
	 * @param criticalThreshold the ratio above which the alert is critical, not below the threshold
	 * @param memory reads the memory status
	 */
	public MemoryRule(RuleSettings settings, double criticalThreshold, Supplier<MemoryStatus> memory) {
		super(ID, "McpMemoryHigh", settings);
		// Above the critical threshold the alert is critical: the alert below it must differ from it.
		if (settings.severity() == AlertSeverity.CRITICAL) {
			throw new InvalidSettingException("severity", settings.severity(), "must be info, warning or error");
		}
		SettingChecks.requireRatio("threshold", settings.threshold());
		this.criticalThreshold = SettingChecks.requireRatio("criticalThreshold", criticalThreshold);
		if (settings.threshold() > criticalThreshold) {
			throw new InvalidSettingException("threshold", settings.threshold(),
					"must not be above the critical threshold (" + criticalThreshold + ")");
		}
		this.memory = memory;
	}

	@Override
	public Set<AlertSeverity> severities() {
		return Set.of(this.settings.severity(), AlertSeverity.CRITICAL);
	}

	@Override
	public List<AlertCandidate> evaluate(Instant now) {
		double ratio = this.memory.get().usedRatio();
		List<AlertCandidate> candidates = new ArrayList<>(2);
		if (ratio > this.settings.threshold()) {
			candidates.add(candidate(Map.of(), ratio));
		}
		if (ratio > this.criticalThreshold) {
			candidates.add(new AlertCandidate(Map.of(), ratio, AlertSeverity.CRITICAL));
		}
		return candidates;
	}

	@Override
	public String summary(AlertCandidate candidate) {
		return "Memory use is " + percent(candidate.value());
	}

	@Override
	public String description(AlertCandidate candidate) {
		double threshold = (candidate.severity() == AlertSeverity.CRITICAL) ? this.criticalThreshold
				: this.settings.threshold();
		return "Heap in use after garbage collection, or machine or container memory in use, is above "
				+ percent(threshold) + ". The memory component of /actuator/health shows which.";
	}

}
