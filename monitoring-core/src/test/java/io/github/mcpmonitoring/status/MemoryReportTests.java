package io.github.mcpmonitoring.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.github.mcpmonitoring.core.InvalidSettingException;
import io.github.mcpmonitoring.core.PeriodicSnapshot;
import io.github.mcpmonitoring.system.MemoryStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link MemoryReport}.
 */
class MemoryReportTests {

	private static final long MB = 1024 * 1024;

	private final Clock clock = Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC);

	private final AtomicReference<MemoryStatus> status = new AtomicReference<>();

	private final PeriodicSnapshot<MemoryStatus> snapshot = new PeriodicSnapshot<>(this.status::get, this.clock);

	private final SnapshotReport<MemoryStatus> report = new SnapshotReport<>(this.snapshot, Duration.ofMinutes(1),
			new MemoryReport(0.80, 0.90));

	@ParameterizedTest
	@CsvSource({ "0, UP, ok", "79, UP, ok", "80, UP, warning", "89, UP, warning", "90, DOWN, critical",
			"100, DOWN, critical" })
	void levelFollowsTheSystemUsedRatio(long usedPercent, String status, String level) {
		ComponentStatus health = check(new MemoryStatus(10 * MB, 0, 100 * MB, 100 * MB, usedPercent * MB, false));
		assertThat(health.status()).isEqualTo(status);
		assertThat(health.details()).containsEntry("level", level)
			.containsEntry("usedRatio", usedPercent / 100.0);
	}

	@ParameterizedTest
	@CsvSource({ "79, UP, ok", "80, UP, warning", "90, DOWN, critical" })
	void levelFollowsTheHeapUsedAfterGarbageCollectionWhenItIsHigher(long usedPercent, String status,
			String level) {
		ComponentStatus health = check(
				new MemoryStatus(99 * MB, usedPercent * MB, 100 * MB, 1000 * MB, 100 * MB, false));
		assertThat(health.status()).isEqualTo(status);
		assertThat(health.details()).containsEntry("level", level);
	}

	@Test
	void heapInUseBeforeGarbageCollectionDoesNotRaiseTheLevel() {
		ComponentStatus health = check(new MemoryStatus(99 * MB, 50 * MB, 100 * MB, 100 * MB, 10 * MB, false));
		assertThat(health.details()).containsEntry("level", "ok");
	}

	@Test
	void detailsGiveTheNumbersInBytesAndRatios() {
		ComponentStatus health = check(new MemoryStatus(60 * MB, 40 * MB, 200 * MB, 1000 * MB, 250 * MB, true));
		assertThat(health.details()).containsEntry("usedRatio", 0.25)
			.containsEntry("warningThreshold", 0.80)
			.containsEntry("criticalThreshold", 0.90)
			.containsEntry("checkedAt", "2025-06-01T12:00:00Z");
		assertThat(health.details().get("heap")).isEqualTo(
				Map.of("used", 60 * MB, "usedAfterGc", 40 * MB, "max", 200 * MB, "usedRatio", 0.2));
		assertThat(health.details().get("system")).isEqualTo(
				Map.of("total", 1000 * MB, "used", 250 * MB, "usedRatio", 0.25, "containerLimit", true));
	}

	@Test
	void unknownWhileNoRatioIsKnown() {
		ComponentStatus health = check(new MemoryStatus(60 * MB, 40 * MB, -1, -1, -1, false));
		assertThat(health.status()).isEqualTo(ComponentStatus.UNKNOWN);
		assertThat(health.details()).containsEntry("reason", "memory use is not known yet")
			.doesNotContainKey("level");
	}

	@Test
	void usesTheHeapAloneWhileSystemMemoryIsUnknown() {
		ComponentStatus health = check(new MemoryStatus(95 * MB, 95 * MB, 100 * MB, -1, -1, false));
		assertThat(health.status()).isEqualTo(ComponentStatus.DOWN);
	}

	@Test
	void unknownBeforeTheFirstCheck() {
		this.status.set(new MemoryStatus(95 * MB, 95 * MB, 100 * MB, -1, -1, false));
		assertThat(this.report.get().status()).isEqualTo(ComponentStatus.UNKNOWN);
	}

	private ComponentStatus check(MemoryStatus memoryStatus) {
		this.status.set(memoryStatus);
		this.snapshot.refresh();
		return this.report.get();
	}

	@Test
	void rejectsThresholdsThatAreNotRatiosOrAWarningAboveTheCritical() {
		assertThatExceptionOfType(InvalidSettingException.class)
			.isThrownBy(() -> new MemoryReport(1.5, 0.90))
			.withMessage("warningThreshold must be between 0 and 1");
		assertThatExceptionOfType(InvalidSettingException.class)
			.isThrownBy(() -> new MemoryReport(0.95, 0.90))
			.withMessage("warningThreshold must not be above the critical threshold (0.9)");
	}

}
