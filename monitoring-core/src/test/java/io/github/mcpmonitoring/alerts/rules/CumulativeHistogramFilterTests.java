package io.github.mcpmonitoring.alerts.rules;

import java.time.Duration;
import java.util.Arrays;

import io.github.mcpmonitoring.core.McpMeterNames;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CumulativeHistogramFilter}: a simple registry counts histogram buckets over a rolling minute,
 * which the meter history cannot subtract; the filter keeps those of the starter's duration timers cumulative.
 */
class CumulativeHistogramFilterTests {

	private final MockClock clock = new MockClock();

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, this.clock);

	@Test
	void keepsTheBucketsOfTheDurationTimersCumulative() {
		this.registry.config().meterFilter(new CumulativeHistogramFilter());
		Timer tool = timer(McpMeterNames.OPERATION_DURATION);
		Timer api = timer(McpMeterNames.API_CALL_DURATION);
		this.clock.add(Duration.ofMinutes(10));
		assertThat(bucketCounts(tool)).containsExactly(1, 1);
		assertThat(bucketCounts(api)).containsExactly(1, 1);
	}

	@Test
	void leavesOtherTimersAsTheRegistryMakesThem() {
		this.registry.config().meterFilter(new CumulativeHistogramFilter());
		Timer other = timer("other.duration");
		this.clock.add(Duration.ofMinutes(10));
		assertThat(bucketCounts(other)).containsExactly(0, 0);
	}

	@Test
	void withoutItASimpleRegistryForgetsBucketsAfterAMinuteOrSo() {
		Timer tool = timer(McpMeterNames.OPERATION_DURATION);
		this.clock.add(Duration.ofMinutes(2));
		assertThat(tool.takeSnapshot().count()).isEqualTo(1);
		assertThat(bucketCounts(tool)).containsExactly(0, 0);
	}

	private Timer timer(String name) {
		Timer timer = Timer.builder(name)
			.serviceLevelObjectives(Duration.ofMillis(100), Duration.ofSeconds(1))
			.register(this.registry);
		timer.record(Duration.ofMillis(50));
		return timer;
	}

	private static double[] bucketCounts(Timer timer) {
		return Arrays.stream(timer.takeSnapshot().histogramCounts()).mapToDouble(CountAtBucket::count).toArray();
	}

}
