package io.github.mcpmonitoring.status;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import io.github.mcpmonitoring.core.InvalidSettingException;
import io.github.mcpmonitoring.core.MonitoringScheduler;
import io.github.mcpmonitoring.core.PeriodicSnapshot;
import io.github.mcpmonitoring.testing.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link SnapshotReport}.
 */
class SnapshotReportTests {

	private static final Instant START = Instant.parse("2025-06-01T12:00:00Z");

	private static final Duration STALE_AFTER = Duration.ofMinutes(1);

	private final MutableClock clock = new MutableClock(START);

	private final AtomicReference<String> value = new AtomicReference<>("fine");

	private final PeriodicSnapshot<String> snapshot = new PeriodicSnapshot<>(this::compute, this.clock);

	private final SnapshotReport<String> report = new SnapshotReport<>(this.snapshot,
			STALE_AFTER, SnapshotReportTests::upWithValue);

	@Test
	void unknownBeforeTheFirstCheck() {
		ComponentStatus health = this.report.get();
		assertThat(health.status()).isEqualTo(ComponentStatus.UNKNOWN);
		assertThat(health.details()).containsEntry("reason", "not checked yet").doesNotContainKey("value");
	}

	@Test
	void unknownWhenTheCheckReturnedNothing() {
		PeriodicSnapshot<String> nothing = new PeriodicSnapshot<>(() -> null, this.clock);
		nothing.refresh();
		ComponentStatus health = new SnapshotReport<String>(nothing, STALE_AFTER, SnapshotReportTests::upWithValue).get();
		assertThat(health.status()).isEqualTo(ComponentStatus.UNKNOWN);
		assertThat(health.details()).containsEntry("reason", "the check returned nothing");
	}

	@Test
	void reportsTheLastCheckWithItsTimeAndAge() {
		this.snapshot.refresh();
		this.clock.add(Duration.ofSeconds(42));
		ComponentStatus health = this.report.get();
		assertThat(health.status()).isEqualTo(ComponentStatus.UP);
		assertThat(health.details()).containsEntry("value", "fine")
			.containsEntry("checkedAt", "2025-06-01T12:00:00Z")
			.containsEntry("ageSeconds", 42L);
	}

	@Test
	void trustsACheckExactlyAsOldAsTheStalenessBound() {
		this.snapshot.refresh();
		this.clock.add(STALE_AFTER);
		assertThat(this.report.get().status()).isEqualTo(ComponentStatus.UP);
	}

	@Test
	void unknownWhenTheLastCheckIsOlderThanTheStalenessBound() {
		this.snapshot.refresh();
		this.clock.add(STALE_AFTER.plusMillis(1));
		ComponentStatus health = this.report.get();
		assertThat(health.status()).isEqualTo(ComponentStatus.UNKNOWN);
		assertThat(health.details()).containsEntry("reason", "last check is older than 60s")
			.containsEntry("checkedAt", "2025-06-01T12:00:00Z")
			.doesNotContainKey("value");
	}

	@Test
	void aNewCheckIsTrustedAgain() {
		this.snapshot.refresh();
		this.clock.add(Duration.ofMinutes(5));
		this.value.set("recovered");
		this.snapshot.refresh();
		ComponentStatus health = this.report.get();
		assertThat(health.status()).isEqualTo(ComponentStatus.UP);
		assertThat(health.details()).containsEntry("value", "recovered").containsEntry("ageSeconds", 0L);
	}

	@Test
	void aCheckThatFailsLeavesTheLastSnapshotToAgeIntoUnknown() {
		this.snapshot.refresh();
		this.value.set(null);
		this.clock.add(Duration.ofSeconds(30));
		assertThatIllegalStateException().isThrownBy(this.snapshot::refresh);
		assertThat(this.report.get().details()).containsEntry("value", "fine");
		this.clock.add(Duration.ofSeconds(31));
		assertThat(this.report.get().status()).isEqualTo(ComponentStatus.UNKNOWN);
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
				.isThrownBy(() -> report(scheduled, Duration.ofMinutes(1)))
				.withMessage("staleAfter must be longer than the refresh interval (PT1M)");
			assertThat(report(scheduled, Duration.ofSeconds(61))).isNotNull();
		}
	}

	@Test
	void rejectsAStalenessBoundThatIsNotPositive() {
		assertThatExceptionOfType(InvalidSettingException.class)
			.isThrownBy(() -> report(this.snapshot, Duration.ZERO))
			.withMessage("staleAfter must be positive");
	}

	private static SnapshotReport<String> report(PeriodicSnapshot<String> snapshot, Duration staleAfter) {
		return new SnapshotReport<>(snapshot, staleAfter, SnapshotReportTests::upWithValue);
	}

	private static ComponentStatus upWithValue(String value) {
		return ComponentStatus.status(ComponentStatus.UP).withDetail("value", value).build();
	}

}
