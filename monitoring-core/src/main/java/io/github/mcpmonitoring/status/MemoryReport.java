package io.github.mcpmonitoring.status;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import io.github.mcpmonitoring.core.InvalidSettingException;
import io.github.mcpmonitoring.core.SettingChecks;
import io.github.mcpmonitoring.system.MemoryStatus;

/**
 * Reports the memory pressure of the JVM heap (after garbage collection) and of the machine or container: {@code UP}
 * below the warning threshold, {@code UP} with {@code level: warning} up to the critical threshold, {@code DOWN}
 * with {@code level: critical} above it.
 */
public class MemoryReport implements Function<MemoryStatus, ComponentStatus> {

	private final double warningThreshold;

	private final double criticalThreshold;

	/**
	 * Create a report.
	 * @param warningThreshold used ratio from which the level is {@code warning}
	 * @param criticalThreshold used ratio from which the status is {@code DOWN}, not below the warning threshold
	 */
	public MemoryReport(double warningThreshold, double criticalThreshold) {
		this.warningThreshold = SettingChecks.requireRatio("warningThreshold", warningThreshold);
		this.criticalThreshold = SettingChecks.requireRatio("criticalThreshold", criticalThreshold);
		if (warningThreshold > criticalThreshold) {
			throw new InvalidSettingException("warningThreshold", warningThreshold,
					"must not be above the critical threshold (" + criticalThreshold + ")");
		}
	}

	@Override
	public ComponentStatus apply(MemoryStatus status) {
		double usedRatio = status.usedRatio();
		Map<String, Object> heap = new LinkedHashMap<>();
		heap.put("used", status.heapUsed());
		heap.put("usedAfterGc", status.heapUsedAfterGc());
		heap.put("max", status.heapMax());
		heap.put("usedRatio", round(status.heapUsedRatio()));
		Map<String, Object> system = new LinkedHashMap<>();
		system.put("total", status.systemTotal());
		system.put("used", status.systemUsed());
		system.put("usedRatio", round(status.systemUsedRatio()));
		system.put("containerLimit", status.containerLimited());
		return statusOf(usedRatio).withDetail("usedRatio", round(usedRatio))
			.withDetail("warningThreshold", this.warningThreshold)
			.withDetail("criticalThreshold", this.criticalThreshold)
			.withDetail("heap", heap)
			.withDetail("system", system)
			.build();
	}

	private ComponentStatus.Builder statusOf(double usedRatio) {
		if (usedRatio < 0) {
			return ComponentStatus.status(ComponentStatus.UNKNOWN).withDetail("reason", "memory use is not known yet");
		}
		if (usedRatio >= this.criticalThreshold) {
			return ComponentStatus.status(ComponentStatus.DOWN).withDetail(StatusLevel.KEY, StatusLevel.CRITICAL);
		}
		if (usedRatio >= this.warningThreshold) {
			return StatusLevel.up(StatusLevel.WARNING);
		}
		return StatusLevel.up(StatusLevel.OK);
	}

	private static double round(double ratio) {
		return Math.round(ratio * 1000) / 1000.0;
	}

}
