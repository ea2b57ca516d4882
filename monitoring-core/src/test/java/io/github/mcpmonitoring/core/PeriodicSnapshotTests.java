package io.github.mcpmonitoring.core;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.github.mcpmonitoring.testing.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PeriodicSnapshot}.
 */
class PeriodicSnapshotTests {

	private static final Instant START = Instant.parse("2025-06-01T12:00:00Z");

	private final MutableClock clock = new MutableClock(START);

	private final AtomicInteger computations = new AtomicInteger();

	private final PeriodicSnapshot<Integer> snapshot = new PeriodicSnapshot<>(this.computations::incrementAndGet,
			this.clock);

	@Test
	void nothingBeforeTheFirstRefresh() {
		assertThat(this.snapshot.latest()).isNull();
		assertThat(this.computations).hasValue(0);
	}

	@Test
	void refreshComputesAndDatesTheValue() {
		this.snapshot.refresh();
		this.clock.add(Duration.ofSeconds(3));
		this.snapshot.refresh();
		PeriodicSnapshot.Snapshot<Integer> latest = this.snapshot.latest();
		assertThat(latest.value()).isEqualTo(2);
		assertThat(latest.computedAt()).isEqualTo(START.plusSeconds(3));
		assertThat(latest.age(START.plusSeconds(10))).isEqualTo(Duration.ofSeconds(7));
		assertThat(this.snapshot.clock()).isSameAs(this.clock);
	}

	@Test
	void scheduleOnComputesOffTheCallingThreadAndAgain() {
		AtomicReference<Thread> computedOn = new AtomicReference<>();
		PeriodicSnapshot<Integer> scheduled = new PeriodicSnapshot<>(() -> {
			computedOn.set(Thread.currentThread());
			return this.computations.incrementAndGet();
		}, this.clock);
		try (MonitoringScheduler scheduler = new MonitoringScheduler(1)) {
			assertThat(scheduled.scheduleOn("counter", scheduler, Duration.ofMillis(10))).isSameAs(scheduled);
			MonitoringSchedulerTests.awaitUntil(() -> scheduled.latest() != null && scheduled.latest().value() >= 3);
		}
		assertThat(computedOn.get()).isNotSameAs(Thread.currentThread());
		assertThat(computedOn.get().getName()).startsWith("mcp-monitoring-");
	}

}
