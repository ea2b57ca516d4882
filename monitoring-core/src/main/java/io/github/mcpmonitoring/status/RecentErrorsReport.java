package io.github.mcpmonitoring.status;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import io.github.mcpmonitoring.core.CallFailure;
import io.github.mcpmonitoring.core.InvalidSettingException;
import io.github.mcpmonitoring.core.SettingChecks;
import io.github.mcpmonitoring.errors.RecentErrorsSummary;

/**
 * Reports the failed tool and API calls of the recent window: {@code level: ok} with none, {@code warning} from one,
 * and {@code critical} (status {@link ComponentStatus#WARNING WARNING}, never {@code DOWN}) from the critical count.
 * Client mistakes are shown as {@code clientErrors} and never raise the level.
 */
public class RecentErrorsReport implements Function<RecentErrorsSummary, ComponentStatus> {

	private final int criticalCount;

	/**
	 * Create a report.
	 * @param criticalCount failures in the window from which the status is {@code WARNING}, at least 1 and not above
	 * the capacity
	 * @param capacity the most failures the summarised buffer keeps
	 */
	public RecentErrorsReport(int criticalCount, int capacity) {
		SettingChecks.requireAtLeast("criticalCount", criticalCount, 1);
		// The buffer never holds more failures than its capacity: a higher count could never be reached.
		if (criticalCount > capacity) {
			throw new InvalidSettingException("criticalCount", criticalCount,
					"must not be above the recent errors capacity (" + capacity + ")");
		}
		this.criticalCount = criticalCount;
	}

	@Override
	public ComponentStatus apply(RecentErrorsSummary summary) {
		ComponentStatus.Builder builder = statusOf(summary.count()).withDetail("window", summary.window().toString())
			.withDetail("count", summary.count())
			.withDetail("criticalCount", this.criticalCount)
			.withDetail("clientErrors", summary.clientErrors())
			.withDetail("byName", summary.byName())
			.withDetail("byErrorType", summary.byErrorType());
		if (summary.last() != null) {
			builder.withDetail("last", describe(summary.last()));
		}
		return builder.build();
	}

	private ComponentStatus.Builder statusOf(int count) {
		if (count >= this.criticalCount) {
			return ComponentStatus.status(ComponentStatus.WARNING).withDetail(StatusLevel.KEY, StatusLevel.CRITICAL);
		}
		if (count > 0) {
			return StatusLevel.up(StatusLevel.WARNING);
		}
		return StatusLevel.up(StatusLevel.OK);
	}

	private static Map<String, Object> describe(CallFailure failure) {
		Map<String, Object> last = new LinkedHashMap<>();
		last.put("time", SnapshotReport.iso(failure.time()));
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
