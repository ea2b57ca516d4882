package io.github.mcpmonitoring.status;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.mcpmonitoring.core.InvalidSettingException;
import io.github.mcpmonitoring.core.PeriodicSnapshot;
import io.github.mcpmonitoring.core.SettingChecks;

/**
 * Reports the last value of a {@link PeriodicSnapshot}, so that a probe never waits for the check itself: a snapshot
 * not computed yet, or older than the staleness bound, is {@code UNKNOWN}; a fresh one is reported by the given
 * report, with the time and age of the check.
 *
 * @param <T> the type of the checked value
 */
public class SnapshotReport<T> implements Supplier<ComponentStatus> {

	private final PeriodicSnapshot<T> snapshot;

	private final Duration staleAfter;

	private final Function<? super T, ComponentStatus> report;

	/**
	 * Create a report.
	 * @param snapshot the snapshot to report
	 * @param staleAfter age beyond which the snapshot is not trusted, longer than the snapshot's period
	 * @param report the status of a fresh checked value
	 */
	public SnapshotReport(PeriodicSnapshot<T> snapshot, Duration staleAfter,
			Function<? super T, ComponentStatus> report) {
		SettingChecks.requirePositive("staleAfter", staleAfter);
		// A snapshot is always up to one period old: a bound within it would report UNKNOWN between refreshes.
		if (snapshot.period() != null && staleAfter.compareTo(snapshot.period()) <= 0) {
			throw new InvalidSettingException("staleAfter", staleAfter,
					"must be longer than the refresh interval (" + snapshot.period() + ")");
		}
		this.snapshot = snapshot;
		this.staleAfter = staleAfter;
		this.report = report;
	}

	@Override
	public ComponentStatus get() {
		PeriodicSnapshot.Snapshot<T> latest = this.snapshot.latest();
		if (latest == null) {
			return unknown("not checked yet").build();
		}
		if (latest.value() == null) {
			return unknown("the check returned nothing").build();
		}
		Duration age = latest.age(this.snapshot.clock().instant());
		if (age.compareTo(this.staleAfter) > 0) {
			return unknown("last check is older than " + this.staleAfter.toSeconds() + "s")
				.withDetail("checkedAt", latest.computedAt().toString())
				.build();
		}
		return this.report.apply(latest.value())
			.withDetail("checkedAt", latest.computedAt().toString())
			.withDetail("ageSeconds", age.toSeconds());
	}

	private static ComponentStatus.Builder unknown(String reason) {
		return ComponentStatus.status(ComponentStatus.UNKNOWN).withDetail("reason", reason);
	}

	static String iso(Instant instant) {
		return (instant != null) ? instant.toString() : null;
	}

}
