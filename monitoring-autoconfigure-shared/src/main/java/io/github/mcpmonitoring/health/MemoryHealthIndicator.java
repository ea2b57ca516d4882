package io.github.mcpmonitoring.health;

import java.time.Duration;

import io.github.mcpmonitoring.core.PeriodicSnapshot;
import io.github.mcpmonitoring.status.MemoryReport;
import io.github.mcpmonitoring.status.SnapshotReport;
import io.github.mcpmonitoring.system.MemoryStatus;

/**
 * The {@code memory} health component: the {@link MemoryReport} of the last memory snapshot.
 */
public class MemoryHealthIndicator extends ComponentHealthIndicator {

	/**
	 * Create an indicator.
	 * @param snapshot the memory status, refreshed on a schedule
	 * @param staleAfter age beyond which the snapshot is not trusted
	 * @param warningThreshold used ratio from which the level is {@code warning}
	 * @param criticalThreshold used ratio from which the status is {@code DOWN}, not below the warning threshold
	 */
	public MemoryHealthIndicator(PeriodicSnapshot<MemoryStatus> snapshot, Duration staleAfter, double warningThreshold,
			double criticalThreshold) {
		super(new SnapshotReport<>(snapshot, staleAfter, new MemoryReport(warningThreshold, criticalThreshold)));
	}

}
