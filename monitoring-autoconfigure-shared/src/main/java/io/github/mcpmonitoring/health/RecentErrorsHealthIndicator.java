package io.github.mcpmonitoring.health;

import java.time.Duration;

import io.github.mcpmonitoring.core.PeriodicSnapshot;
import io.github.mcpmonitoring.errors.RecentErrorsSummary;
import io.github.mcpmonitoring.status.RecentErrorsReport;
import io.github.mcpmonitoring.status.SnapshotReport;

/**
 * The {@code recentErrors} health component: the {@link RecentErrorsReport} of the last summary of recent errors.
 */
public class RecentErrorsHealthIndicator extends ComponentHealthIndicator {

	/**
	 * Create an indicator.
	 * @param snapshot the summary of recent errors, refreshed on a schedule
	 * @param staleAfter age beyond which the snapshot is not trusted
	 * @param criticalCount failures in the window from which the status is {@code WARNING}, at least 1 and not above
	 * the capacity
	 * @param capacity the most failures the summarised buffer keeps
	 */
	public RecentErrorsHealthIndicator(PeriodicSnapshot<RecentErrorsSummary> snapshot, Duration staleAfter,
			int criticalCount, int capacity) {
		super(new SnapshotReport<>(snapshot, staleAfter, new RecentErrorsReport(criticalCount, capacity)));
	}

}
