package io.github.mcpmonitoring.core;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MonitoringScheduler}.
 */
@ExtendWith(OutputCaptureExtension.class)
class MonitoringSchedulerTests {

	private static final Duration DEADLINE = Duration.ofSeconds(5);

	private final MonitoringScheduler scheduler = new MonitoringScheduler(2);

	@AfterEach
	void close() {
		this.scheduler.close();
	}

	@Test
	void aTaskThatThrowsKeepsItsScheduleAndIsLoggedOnceAtWarn(CapturedOutput output) {
		AtomicInteger runs = new AtomicInteger();
		this.scheduler.scheduleWithFixedDelay("flaky check", () -> {
			runs.incrementAndGet();
			throw new IllegalStateException("upstream down");
		}, Duration.ofMillis(5));
		awaitUntil(() -> runs.get() >= 3);
		assertThat(output.getOut().lines().filter((line) -> line.contains("'flaky check' failed")))
			.singleElement(InstanceOfAssertFactories.STRING)
			.startsWith("WARN")
			.contains("keeps running on its schedule");
		assertThat(output.getOut()).contains("java.lang.IllegalStateException: upstream down");
	}

	@Test
	void runsOnTwoDaemonThreadsNamedAfterTheStarter() throws Exception {
		CyclicBarrier bothRunning = new CyclicBarrier(3);
		List<Thread> threads = new CopyOnWriteArrayList<>();
		for (int i = 0; i < 2; i++) {
			this.scheduler.execute("blocking", () -> {
				threads.add(Thread.currentThread());
				await(bothRunning);
			});
		}
		bothRunning.await(DEADLINE.toSeconds(), TimeUnit.SECONDS);
		assertThat(threads).hasSize(2).doesNotHaveDuplicates().allSatisfy((thread) -> {
			assertThat(thread.getName()).matches("mcp-monitoring-\\d+");
			assertThat(thread.isDaemon()).isTrue();
		});
		assertThat(threads).doesNotContain(Thread.currentThread());
	}

	@Test
	void closeStopsItsThreadsAndTasks() throws Exception {
		AtomicInteger runs = new AtomicInteger();
		List<Thread> threads = new CopyOnWriteArrayList<>();
		this.scheduler.scheduleWithFixedDelay("periodic", () -> {
			threads.add(Thread.currentThread());
			runs.incrementAndGet();
		}, Duration.ofMillis(5));
		awaitUntil(() -> runs.get() >= 2);
		this.scheduler.close();
		for (Thread thread : threads) {
			thread.join(DEADLINE.toMillis());
			assertThat(thread.isAlive()).as(thread.getName()).isFalse();
		}
		assertThat(threads).isNotEmpty();
	}

	@Test
	void scheduleRunsTheFirstTimeAtOnce() throws InterruptedException {
		CountDownLatch ran = new CountDownLatch(1);
		this.scheduler.scheduleWithFixedDelay("hourly", ran::countDown, Duration.ofHours(1));
		assertThat(ran.await(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();
	}

	static void awaitUntil(BooleanSupplier condition) {
		long deadline = System.nanoTime() + DEADLINE.toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("condition met before the deadline").isLessThan(deadline);
			try {
				Thread.sleep(5);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	private static void await(CyclicBarrier barrier) {
		try {
			barrier.await(DEADLINE.toSeconds(), TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
