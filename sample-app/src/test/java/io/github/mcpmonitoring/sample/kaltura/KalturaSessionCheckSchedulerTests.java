package io.github.mcpmonitoring.sample.kaltura;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

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
		try (KalturaSessionCheckScheduler scheduler = new KalturaSessionCheckScheduler(runs::incrementAndGet,
				Duration.ofMillis(10))) {
			Thread.sleep(100);
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
		KalturaSessionCheckScheduler scheduler = new KalturaSessionCheckScheduler(() -> {
			runs.incrementAndGet();
			twoRuns.countDown();
		}, Duration.ofMillis(20));
		scheduler.start();
		assertThat(twoRuns.await(5, TimeUnit.SECONDS)).isTrue();
		scheduler.close();
		int afterClose = runs.get();
		Thread.sleep(200);
		assertThat(runs.get()).isLessThanOrEqualTo(afterClose + 1);
	}

	@Test
	void rejectsANonPositiveInterval() {
		assertThatIllegalArgumentException().isThrownBy(() -> new KalturaSessionCheckScheduler(() -> {
		}, Duration.ZERO));
	}

}
