package io.github.mcpmonitoring.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.internal.DefaultLongTaskTimer;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link InFlightCalls}.
 */
class InFlightCallsTests {

	private final MockClock clock = new MockClock();

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, this.clock);

	private final LongTaskTimer timer = LongTaskTimer.builder("calls.active").register(this.registry);

	private final LongTaskTimer otherTimer = LongTaskTimer.builder("other.calls.active").register(this.registry);

	private final InFlightCalls sampled = new InFlightCalls();

	private final InFlightCalls.TrackedTimer calls = this.sampled.track(this.timer);

	private final InFlightCalls.TrackedTimer otherCalls = this.sampled.track(this.otherTimer);

	@Test
	void sampledCountsACallFromTheSamplingRunThatFindsItOpenUntilItEnds() {
		InFlightCall call = this.calls.begin();
		assertThat(this.timer.activeTasks()).isZero();
		this.clock.add(Duration.ofSeconds(5));
		this.sampled.sample();
		assertThat(this.timer.activeTasks()).isEqualTo(1);
		this.clock.add(Duration.ofSeconds(2));
		assertThat(this.timer.max(TimeUnit.SECONDS)).isEqualTo(2.0);
		this.sampled.sample();
		assertThat(this.timer.activeTasks()).isEqualTo(1);
		call.end();
		assertThat(this.timer.activeTasks()).isZero();
	}

	@Test
	void sampledNeverCountsACallThatEndsBeforeASamplingRun() {
		this.calls.begin().end();
		this.sampled.sample();
		assertThat(this.timer.activeTasks()).isZero();
		InFlightCall next = this.otherCalls.begin();
		this.sampled.sample();
		assertThat(this.timer.activeTasks()).isZero();
		assertThat(this.otherTimer.activeTasks()).isEqualTo(1);
		next.end();
		assertThat(this.otherTimer.activeTasks()).isZero();
	}

	@Test
	void sampledStopsAtTheNextRunTheSampleItStartedForACallThatEndedMeanwhile() {
		HookedTimer hooked = new HookedTimer(this.clock);
		InFlightCall call = this.sampled.track(hooked).begin();
		hooked.beforeNextStart(call::end);
		this.sampled.sample();
		assertThat(hooked.activeTasks()).as("counted until the next run").isEqualTo(1);
		this.sampled.sample();
		assertThat(hooked.activeTasks()).isZero();
		assertThat(hooked.stops).isEqualTo(1);
	}

	@Test
	void sampledStopsAtTheNextRunTheSampleItStartedWhenTheNextCallOpenedMeanwhile() {
		HookedTimer hooked = new HookedTimer(this.clock);
		AtomicReference<InFlightCall> next = endAndOpenNextWhenSampled(hooked, this.sampled.track(hooked).begin());
		this.sampled.sample();
		assertThat(this.otherTimer.activeTasks()).isZero();
		this.sampled.sample();
		assertThat(hooked.activeTasks()).isZero();
		assertThat(this.otherTimer.activeTasks()).isEqualTo(1);
		next.get().end();
		assertThat(this.otherTimer.activeTasks()).isZero();
		assertThat(hooked.stops).isEqualTo(1);
	}

	@Test
	void sampledStopsOnceTheSampleOfACallThatEndsAfterTheRunThatMissedItsEnd() {
		HookedTimer hooked = new HookedTimer(this.clock);
		AtomicReference<InFlightCall> next = endAndOpenNextWhenSampled(hooked, this.sampled.track(hooked).begin());
		this.sampled.sample();
		next.get().end();
		assertThat(hooked.activeTasks()).as("stopped by the end of the next call on the thread").isZero();
		this.sampled.sample();
		assertThat(hooked.stops).isEqualTo(1);
		assertThat(this.otherTimer.activeTasks()).isZero();
	}

	@Test
	void sampledCountsACallNestedInAnotherOnTheSameThreadFromItsStart() {
		InFlightCall outer = this.calls.begin();
		InFlightCall nested = this.otherCalls.begin();
		assertThat(this.otherTimer.activeTasks()).isEqualTo(1);
		nested.end();
		assertThat(this.otherTimer.activeTasks()).isZero();
		this.sampled.sample();
		assertThat(this.timer.activeTasks()).isEqualTo(1);
		outer.end();
		assertThat(this.timer.activeTasks()).isZero();
	}

	@Test
	void sampledCountsTheCallsOpenOnEveryThread() throws Exception {
		int threads = 3;
		CountDownLatch started = new CountDownLatch(threads);
		CountDownLatch release = new CountDownLatch(1);
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> calls = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				calls.add(executor.submit(() -> {
					InFlightCall call = this.calls.begin();
					started.countDown();
					release.await();
					call.end();
					return null;
				}));
			}
			assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
			this.sampled.sample();
			assertThat(this.timer.activeTasks()).isEqualTo(threads);
			release.countDown();
			for (Future<?> call : calls) {
				call.get(10, TimeUnit.SECONDS);
			}
			assertThat(this.timer.activeTasks()).isZero();
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void sampledLeavesNoCallCountedWhenCallsEndWhileSamplingRunsConcurrently() throws Exception {
		int threads = 4;
		AtomicBoolean running = new AtomicBoolean(true);
		ExecutorService executor = Executors.newFixedThreadPool(threads + 1);
		try {
			List<Future<?>> workers = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				InFlightCalls.TrackedTimer[] timers = { this.calls, this.otherCalls };
				workers.add(executor.submit(() -> {
					for (int n = 0; running.get(); n++) {
						InFlightCall call = timers[n & 1].begin();
						if ((n & 7) == 0) {
							InFlightCall nested = timers[(n + 1) & 1].begin();
							nested.end();
						}
						call.end();
					}
				}));
			}
			Future<?> sampler = executor.submit(() -> {
				while (running.get()) {
					this.sampled.sample();
				}
			});
			Thread.sleep(1000);
			running.set(false);
			sampler.get(10, TimeUnit.SECONDS);
			for (Future<?> worker : workers) {
				worker.get(10, TimeUnit.SECONDS);
			}
			this.sampled.sample();
			assertThat(this.timer.activeTasks()).isZero();
			assertThat(this.otherTimer.activeTasks()).isZero();
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void aCallThatMayEndOnAnotherThreadIsCountedFromItsStartAndEndsThere() throws Exception {
		InFlightCall call = this.calls.beginAnywhere();
		assertThat(this.timer.activeTasks()).isEqualTo(1);
		Thread other = new Thread(call::end);
		other.start();
		other.join(10_000);
		assertThat(this.timer.activeTasks()).isZero();
	}

	/**
	 * Make the next sampling run find a call open, then see it end and its thread open a call of the other timer
	 * while the run starts the call's sample.
	 */
	private AtomicReference<InFlightCall> endAndOpenNextWhenSampled(HookedTimer hooked, InFlightCall call) {
		AtomicReference<InFlightCall> next = new AtomicReference<>();
		hooked.beforeNextStart(() -> {
			call.end();
			next.set(this.otherCalls.begin());
		});
		return next;
	}

	/** A timer that runs an action when its next sample starts: a call that ends while a sampling run is at it. */
	private static final class HookedTimer extends DefaultLongTaskTimer {

		private Runnable beforeNextStart;

		private int stops;

		HookedTimer(MockClock clock) {
			super(new Meter.Id("hooked.active", Tags.empty(), null, null, Meter.Type.LONG_TASK_TIMER), clock,
					TimeUnit.SECONDS, DistributionStatisticConfig.NONE, false);
		}

		void beforeNextStart(Runnable action) {
			this.beforeNextStart = action;
		}

		@Override
		public Sample start() {
			Runnable action = this.beforeNextStart;
			this.beforeNextStart = null;
			if (action != null) {
				action.run();
			}
			Sample sample = super.start();
			return new Sample() {

				@Override
				public long stop() {
					HookedTimer.this.stops++;
					return sample.stop();
				}

				@Override
				public double duration(TimeUnit unit) {
					return sample.duration(unit);
				}

			};
		}

	}

}
