package io.github.mcpmonitoring.health;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.mcpmonitoring.core.InvalidSettingException;
import io.github.mcpmonitoring.core.PeriodicSnapshot;
import io.github.mcpmonitoring.core.SettingChecks;
import io.github.mcpmonitoring.system.MemoryStatus;

import org.springframework.boot.actuate.health.Health;

/**
 * Reports the memory pressure of the JVM heap (after garbage collection) and of the machine or container: {@code UP}
 * below the warning threshold, {@code UP} with {@code level: warning} up to the critical threshold, {@code DOWN}
 * with {@code level: critical} above it.
 */
public class MemoryHealthIndicator extends SnapshotHealthIndicator<MemoryStatus> {

	private final double warningThreshold;

	private final double criticalThreshold;

	/**
	 * Create an indicator.
	 * @param snapshot the memory status, refreshed on a schedule
	 * @param staleAfter age beyond which the snapshot is not trusted
	 * @param warningThreshold used ratio from which the level is {@code warning}
	 * @param criticalThreshold used ratio from which the status is {@code DOWN}, not below the warning threshold
	 */
	public MemoryHealthIndicator(PeriodicSnapshot<MemoryStatus> snapshot, Duration staleAfter, double warningThreshold,
			double criticalThreshold) {
		super(snapshot, staleAfter);
		this.warningThreshold = SettingChecks.requireRatio("warningThreshold", warningThreshold);
		this.criticalThreshold = SettingChecks.requireRatio("criticalThreshold", criticalThreshold);
		if (warningThreshold > criticalThreshold) {
			throw new InvalidSettingException("warningThreshold", warningThreshold,
					"must not be above the critical threshold (" + criticalThreshold + ")");
		}
	}

	@Override
	protected Health.Builder health(MemoryStatus status) {
		double usedRatio = status.usedRatio();
		Health.Builder builder = statusOf(usedRatio);
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
		return builder.withDetail("usedRatio", round(usedRatio))
			.withDetail("warningThreshold", this.warningThreshold)
			.withDetail("criticalThreshold", this.criticalThreshold)
			.withDetail("heap", heap)
			.withDetail("system", system);
	}

	private Health.Builder statusOf(double usedRatio) {
		if (usedRatio < 0) {
			return Health.unknown().withDetail("reason", "memory use is not known yet");
		}
		if (usedRatio >= this.criticalThreshold) {
			return Health.down().withDetail(HealthLevel.KEY, HealthLevel.CRITICAL);
		}
		if (usedRatio >= this.warningThreshold) {
			return Health.up().withDetail(HealthLevel.KEY, HealthLevel.WARNING);
		}
		return Health.up().withDetail(HealthLevel.KEY, HealthLevel.OK);
	}

	private static double round(double ratio) {
		return Math.round(ratio * 1000) / 1000.0;
	}

}
