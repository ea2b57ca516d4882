package io.github.mcpmonitoring.health;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import io.github.mcpmonitoring.core.InvalidSettingException;
import io.github.mcpmonitoring.core.MonitoringScheduler;
import io.github.mcpmonitoring.core.PeriodicSnapshot;
import io.github.mcpmonitoring.testing.MutableClock;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link SnapshotHealthIndicator}.
 */
class SnapshotHealthIndicatorTests {

	private static final Instant START = Instant.parse("2025-06-01T12:00:00Z");

	private static final Duration STALE_AFTER = Duration.ofMinutes(1);

	private final MutableClock clock = new MutableClock(START);

	private final AtomicReference<String> value = new AtomicReference<>("fine");

	private final PeriodicSnapshot<String> snapshot = new PeriodicSnapshot<>(this::compute, this.clock);

	private final SnapshotHealthIndicator<String> indicator = new SnapshotHealthIndicator<>(this.snapshot,
			STALE_AFTER) {

		@Override
		protected Health.Builder health(String value) {
			return Health.up().withDetail("value", value);
		}

	};

	@Test
	void unknownBeforeTheFirstCheck() {
		Health health = this.indicator.health();
		assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
		assertThat(health.getDetails()).containsEntry("reason", "not checked yet").doesNotContainKey("value");
	}

	@Test
	void unknownWhenTheCheckReturnedNothing() {
		PeriodicSnapshot<String> nothing = new PeriodicSnapshot<>(() -> null, this.clock);
		nothing.refresh();
		Health health = new SnapshotHealthIndicator<String>(nothing, STALE_AFTER) {

			@Override
			protected Health.Builder health(String value) {
				return Health.up().withDetail("value", value);
			}

		}.health();
		assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
		assertThat(health.getDetails()).containsEntry("reason", "the check returned nothing");
	}

	@Test
	void reportsTheLastCheckWithItsTimeAndAge() {
		this.snapshot.refresh();
		this.clock.add(Duration.ofSeconds(42));
		Health health = this.indicator.health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("value", "fine")
			.containsEntry("checkedAt", "2025-06-01T12:00:00Z")
			.containsEntry("ageSeconds", 42L);
	}

	@Test
	void trustsACheckExactlyAsOldAsTheStalenessBound() {
		this.snapshot.refresh();
		this.clock.add(STALE_AFTER);
		assertThat(this.indicator.health().getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void unknownWhenTheLastCheckIsOlderThanTheStalenessBound() {
		this.snapshot.refresh();
		this.clock.add(STALE_AFTER.plusMillis(1));
		Health health = this.indicator.health();
		assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
		assertThat(health.getDetails()).containsEntry("reason", "last check is older than 60s")
			.containsEntry("checkedAt", "2025-06-01T12:00:00Z")
			.doesNotContainKey("value");
	}

	@Test
	void aNewCheckIsTrustedAgain() {
		this.snapshot.refresh();
		this.clock.add(Duration.ofMinutes(5));
		this.value.set("recovered");
		this.snapshot.refresh();
		Health health = this.indicator.health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("value", "recovered").containsEntry("ageSeconds", 0L);
	}

	@Test
	void aCheckThatFailsLeavesTheLastSnapshotToAgeIntoUnknown() {
		this.snapshot.refresh();
		this.value.set(null);
		this.clock.add(Duration.ofSeconds(30));
		assertThatIllegalStateException().isThrownBy(this.snapshot::refresh);
		assertThat(this.indicator.health().getDetails()).containsEntry("value", "fine");
		this.clock.add(Duration.ofSeconds(31));
		assertThat(this.indicator.health().getStatus()).isEqualTo(Status.UNKNOWN);
	}

	private String compute() {
		String current = this.value.get();
		if (current == null) {
			throw new IllegalStateException("check failed");
		}
		return current;
	}

	@Test
	void rejectsAStalenessBoundNotLongerThanTheRefreshPeriod() {
		try (MonitoringScheduler scheduler = new MonitoringScheduler(1)) {
			PeriodicSnapshot<String> scheduled = new PeriodicSnapshot<>(this::compute, this.clock).scheduleOn("test",
					scheduler, Duration.ofMinutes(1));
			assertThatExceptionOfType(InvalidSettingException.class)
				.isThrownBy(() -> indicator(scheduled, Duration.ofMinutes(1)))
				.withMessage("staleAfter must be longer than the refresh interval (PT1M)");
			assertThat(indicator(scheduled, Duration.ofSeconds(61))).isNotNull();
		}
	}

	@Test
	void rejectsAStalenessBoundThatIsNotPositive() {
		assertThatExceptionOfType(InvalidSettingException.class)
			.isThrownBy(() -> indicator(this.snapshot, Duration.ZERO))
			.withMessage("staleAfter must be positive");
	}

	private static SnapshotHealthIndicator<String> indicator(PeriodicSnapshot<String> snapshot, Duration staleAfter) {
		return new SnapshotHealthIndicator<>(snapshot, staleAfter) {

			@Override
			protected Health.Builder health(String value) {
				return Health.up();
			}

		};
	}

}
