package io.github.mcpmonitoring.health;

import java.time.Duration;
import java.time.Instant;

import io.github.mcpmonitoring.core.InvalidSettingException;
import io.github.mcpmonitoring.core.PeriodicSnapshot;
import io.github.mcpmonitoring.core.SettingChecks;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * A health indicator that reports the last value of a {@link PeriodicSnapshot}, so that a probe never waits for
 * the check itself. A snapshot not computed yet, or older than the staleness bound, reports {@code UNKNOWN}.
 *
 * @param <T> the type of the checked value
 */
public abstract class SnapshotHealthIndicator<T> implements HealthIndicator {

	private final PeriodicSnapshot<T> snapshot;

	private final Duration staleAfter;

	/**
	 * Create an indicator.
	 * @param snapshot the snapshot to report
	 * @param staleAfter age beyond which the snapshot is not trusted, longer than the snapshot's period
	 */
	protected SnapshotHealthIndicator(PeriodicSnapshot<T> snapshot, Duration staleAfter) {
		SettingChecks.requirePositive("staleAfter", staleAfter);
		// A snapshot is always up to one period old: a bound within it would report UNKNOWN between refreshes.
		if (snapshot.period() != null && staleAfter.compareTo(snapshot.period()) <= 0) {
			throw new InvalidSettingException("staleAfter", staleAfter,
					"must be longer than the refresh interval (" + snapshot.period() + ")");
		}
		this.snapshot = snapshot;
		this.staleAfter = staleAfter;
	}

	@Override
	public Health health() {
		PeriodicSnapshot.Snapshot<T> latest = this.snapshot.latest();
		if (latest == null) {
			return Health.unknown().withDetail("reason", "not checked yet").build();
		}
		if (latest.value() == null) {
			return Health.unknown().withDetail("reason", "the check returned nothing").build();
		}
		Duration age = latest.age(this.snapshot.clock().instant());
		if (age.compareTo(this.staleAfter) > 0) {
			return Health.unknown()
				.withDetail("reason", "last check is older than " + this.staleAfter.toSeconds() + "s")
				.withDetail("checkedAt", latest.computedAt().toString())
				.build();
		}
		return health(latest.value()).withDetail("checkedAt", latest.computedAt().toString())
			.withDetail("ageSeconds", age.toSeconds())
			.build();
	}

	/**
	 * Return the health of a checked value.
	 * @param value the value
	 * @return a builder with the status and details
	 */
	protected abstract Health.Builder health(T value);

	/**
	 * Return an instant as ISO-8601 text.
	 * @param instant the instant, may be {@code null}
	 * @return the text, or {@code null}
	 */
	protected static String iso(Instant instant) {
		return (instant != null) ? instant.toString() : null;
	}

}
