package io.github.mcpmonitoring.sample.kaltura;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link KalturaSessionCheckScheduler}.
 */
class KalturaSessionCheckSchedulerTests {

	@Test
	void runsTheFirstCheckAtOnceOnItsOwnDaemonThread() throws Exception {
		CountDownLatch ran = new CountDownLatch(1);
		AtomicReference<Thread> thread = new AtomicReference<>();
		try (KalturaSessionCheckScheduler scheduler = new KalturaSessionCheckScheduler(() -> {
			thread.set(Thread.currentThread());
			ran.countDown();
		}, Duration.ofHours(1))) {
			scheduler.start();
			assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
		}
		assertThat(thread.get().getName()).isEqualTo(KalturaSessionCheckScheduler.THREAD_NAME);
		assertThat(thread.get().isDaemon()).isTrue();
	}

	@Test
	void runsNothingBeforeStart() throws Exception {
		AtomicInteger runs = new AtomicInteger();
		Set<Thread> before = checkThreads();
		try (KalturaSessionCheckScheduler scheduler = new KalturaSessionCheckScheduler(runs::incrementAndGet,
				Duration.ofMillis(10))) {
			// Scheduling a check starts the executor's thread at once: no new thread means nothing was scheduled,
			// which a wait for a run that does not come could not tell from a slow one.
			assertThat(checkThreads()).isEqualTo(before);
			assertThat(runs).hasValue(0);
		}
	}

	@Test
	void keepsCheckingAfterACheckThrows() throws Exception {
		CountDownLatch threeRuns = new CountDownLatch(3);
		try (KalturaSessionCheckScheduler scheduler = new KalturaSessionCheckScheduler(() -> {
			threeRuns.countDown();
			throw new IllegalStateException("simulated");
		}, Duration.ofMillis(20))) {
			scheduler.start();
			assertThat(threeRuns.await(5, TimeUnit.SECONDS)).isTrue();
		}
	}

	@Test
	void stopsCheckingWhenClosed() throws Exception {
		AtomicInteger runs = new AtomicInteger();
		CountDownLatch twoRuns = new CountDownLatch(2);
		AtomicReference<Thread> checkThread = new AtomicReference<>();
		KalturaSessionCheckScheduler scheduler = new KalturaSessionCheckScheduler(() -> {
			checkThread.set(Thread.currentThread());
			runs.incrementAndGet();
			twoRuns.countDown();
		}, Duration.ofMillis(20));
		scheduler.start();
		assertThat(twoRuns.await(5, TimeUnit.SECONDS)).isTrue();
		scheduler.close();
		int afterClose = runs.get();
		// Once the scheduler's only thread has ended, no check can ever run again.
		Thread checks = checkThread.get();
		checks.join(TimeUnit.SECONDS.toMillis(5));
		assertThat(checks.isAlive()).as("the check thread ended").isFalse();
		assertThat(runs.get()).as("at most the check in progress at close").isLessThanOrEqualTo(afterClose + 1);
	}

	@Test
	void rejectsANonPositiveInterval() {
		assertThatIllegalArgumentException().isThrownBy(() -> new KalturaSessionCheckScheduler(() -> {
		}, Duration.ZERO));
	}

	private static Set<Thread> checkThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> KalturaSessionCheckScheduler.THREAD_NAME.equals(thread.getName()))
			.collect(Collectors.toSet());
	}

}
