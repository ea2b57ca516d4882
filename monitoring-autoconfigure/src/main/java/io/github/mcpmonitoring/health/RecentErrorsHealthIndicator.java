package io.github.mcpmonitoring.health;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.mcpmonitoring.core.CallFailure;
import io.github.mcpmonitoring.core.InvalidSettingException;
import io.github.mcpmonitoring.core.PeriodicSnapshot;
import io.github.mcpmonitoring.core.SettingChecks;
import io.github.mcpmonitoring.errors.RecentErrorsSummary;

import org.springframework.boot.actuate.health.Health;

/**
 * Reports the failed tool and API calls of the recent window: {@code level: ok} with none, {@code warning} from one,
 * and {@code critical} (status {@link McpHealthStatus#WARNING WARNING}, never {@code DOWN}) from the critical count.
 * Client mistakes are shown as {@code clientErrors} and never raise the level.
 */
public class RecentErrorsHealthIndicator extends SnapshotHealthIndicator<RecentErrorsSummary> {

	private final int criticalCount;

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
		super(snapshot, staleAfter);
		SettingChecks.requireAtLeast("criticalCount", criticalCount, 1);
		// The buffer never holds more failures than its capacity: a higher count could never be reached.
		if (criticalCount > capacity) {
			throw new InvalidSettingException("criticalCount", criticalCount,
					"must not be above the recent errors capacity (" + capacity + ")");
		}
		this.criticalCount = criticalCount;
	}

	@Override
	protected Health.Builder health(RecentErrorsSummary summary) {
		Health.Builder builder = statusOf(summary.count());
		builder.withDetail("window", summary.window().toString())
			.withDetail("count", summary.count())
			.withDetail("criticalCount", this.criticalCount)
			.withDetail("clientErrors", summary.clientErrors())
			.withDetail("byName", summary.byName())
			.withDetail("byErrorType", summary.byErrorType());
		if (summary.last() != null) {
			builder.withDetail("last", describe(summary.last()));
		}
		return builder;
	}

	private Health.Builder statusOf(int count) {
		if (count >= this.criticalCount) {
			return Health.status(McpHealthStatus.WARNING).withDetail(HealthLevel.KEY, HealthLevel.CRITICAL);
		}
		if (count > 0) {
			return Health.up().withDetail(HealthLevel.KEY, HealthLevel.WARNING);
		}
		return Health.up().withDetail(HealthLevel.KEY, HealthLevel.OK);
	}

	private static Map<String, Object> describe(CallFailure failure) {
		Map<String, Object> last = new LinkedHashMap<>();
		last.put("time", iso(failure.time()));
		last.put("kind", failure.kind());
		last.put("name", failure.name());
		last.put("errorType", failure.errorType());
		last.put("clientError", failure.clientError());
		if (failure.message() != null) {
			last.put("message", failure.message());
		}
		return last;
	}

}
