package io.github.mcpmonitoring.core;

import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.pause.PauseDetector;
import io.micrometer.core.instrument.noop.NoopCounter;
import io.micrometer.core.instrument.noop.NoopDistributionSummary;
import io.micrometer.core.instrument.noop.NoopLongTaskTimer;
import io.micrometer.core.instrument.noop.NoopTimer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Named;

import org.springframework.boot.test.system.CapturedOutput;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registries that fail in the ways a misconfigured or broken monitoring backend can: meters that throw when they are
 * used, and filters that throw when a meter is registered.
 */
public final class BrokenMeterRegistry {

	/** Text of the WARN line {@link RecordingFailureLog} writes once per instance. */
	public static final String RECORDING_FAILED_WARNING = "the monitored call was not affected";

	private BrokenMeterRegistry() {
	}

	/**
	 * Return a registry whose timers, counters, long-task timers and distribution summaries register fine but throw
	 * when used.
	 * @return the registry
	 */
	public static MeterRegistry withThrowingMeters() {
		return new SimpleMeterRegistry() {

			@Override
			protected Timer newTimer(Meter.Id id, DistributionStatisticConfig config, PauseDetector pauseDetector) {
				return new NoopTimer(id) {
					@Override
					public void record(long amount, TimeUnit unit) {
						throw new IllegalStateException("broken timer");
					}
				};
			}

			@Override
			protected Counter newCounter(Meter.Id id) {
				return new NoopCounter(id) {
					@Override
					public void increment(double amount) {
						throw new IllegalStateException("broken counter");
					}
				};
			}

			@Override
			protected LongTaskTimer newLongTaskTimer(Meter.Id id, DistributionStatisticConfig config) {
				return new NoopLongTaskTimer(id) {
					@Override
					public Sample start() {
						throw new IllegalStateException("broken long-task timer");
					}
				};
			}

			@Override
			protected DistributionSummary newDistributionSummary(Meter.Id id, DistributionStatisticConfig config,
					double scale) {
				return new ThrowingDistributionSummary(id);
			}

		};
	}

	/**
	 * A distribution summary that throws when it records; not a no-op summary, which a denied meter would be.
	 */
	private static final class ThrowingDistributionSummary implements DistributionSummary {

		private final NoopDistributionSummary noop;

		ThrowingDistributionSummary(Meter.Id id) {
			this.noop = new NoopDistributionSummary(id);
		}

		@Override
		public void record(double amount) {
			throw new IllegalStateException("broken distribution summary");
		}

		@Override
		public long count() {
			return this.noop.count();
		}

		@Override
		public double totalAmount() {
			return this.noop.totalAmount();
		}

		@Override
		public double max() {
			return this.noop.max();
		}

		@Override
		public HistogramSnapshot takeSnapshot() {
			return this.noop.takeSnapshot();
		}

		@Override
		public Meter.Id getId() {
			return this.noop.getId();
		}

		@Override
		public Iterable<Measurement> measure() {
			return this.noop.measure();
		}

	}

	/**
	 * Return a registry with a filter that throws from {@link MeterFilter#map} on every meter.
	 * @return the registry
	 */
	public static MeterRegistry withFilterThrowingInMap() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		registry.config().meterFilter(new MeterFilter() {
			@Override
			public Meter.Id map(Meter.Id id) {
				throw new IllegalStateException("broken filter");
			}
		});
		return registry;
	}

	/**
	 * Return a registry with a filter that throws from {@link MeterFilter#accept} on every meter.
	 * @return the registry
	 */
	public static MeterRegistry withFilterThrowingInAccept() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		registry.config().meterFilter(new MeterFilter() {
			@Override
			public MeterFilterReply accept(Meter.Id id) {
				throw new IllegalStateException("broken filter");
			}
		});
		return registry;
	}

	/**
	 * Return a registry with a filter that throws a linkage {@link Error} from {@link MeterFilter#map} on every meter,
	 * as a Micrometer of another version than the one the starter was built against can.
	 * @return the registry
	 */
	public static MeterRegistry withFilterThrowingLinkageError() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		registry.config().meterFilter(new MeterFilter() {
			@Override
			public Meter.Id map(Meter.Id id) {
				throw new NoSuchMethodError("broken filter");
			}
		});
		return registry;
	}

	/**
	 * Return every broken registry, named, for a parameterized test: a fresh instance of each per call.
	 * @return the registries
	 */
	public static Stream<Named<MeterRegistry>> all() {
		return Stream.of(Named.of("meters that throw", withThrowingMeters()),
				Named.of("a filter that throws in map", withFilterThrowingInMap()),
				Named.of("a filter that throws in accept", withFilterThrowingInAccept()),
				Named.of("a filter that throws a linkage error", withFilterThrowingLinkageError()));
	}

	/**
	 * Assert that the recording failures of a test were logged once at WARN.
	 * @param output the test's captured output
	 */
	public static void assertRecordingFailureWarnedOnce(CapturedOutput output) {
		assertThat(output.getOut().lines().filter((line) -> line.contains(RECORDING_FAILED_WARNING))).singleElement()
			.asString()
			.startsWith("WARN");
	}

	/**
	 * Count the lines of captured output that contain the given text.
	 * @param output the captured output
	 * @param text the text
	 * @return the number of lines
	 */
	public static long linesContaining(String output, String text) {
		return output.lines().filter((line) -> line.contains(text)).count();
	}

}
