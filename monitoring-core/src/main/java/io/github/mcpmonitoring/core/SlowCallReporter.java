package io.github.mcpmonitoring.core;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Counts calls slower than a threshold and logs them at WARN, at most once per interval, for one tool or API.
 */
final class SlowCallReporter {

	private static final Log logger = LogFactory.getLog(SlowCallReporter.class);

	private final String description;

	private final Counter slowCalls;

	private final Clock clock;

	private final long logIntervalNanos;

	private final AtomicLong nextLogAt;

	SlowCallReporter(String description, Counter slowCalls, Clock clock, Duration logInterval) {
		this.description = description;
		this.slowCalls = slowCalls;
		this.clock = clock;
		this.logIntervalNanos = logInterval.toNanos();
		this.nextLogAt = new AtomicLong(clock.monotonicTime());
	}

	void reportIfSlow(long durationNanos, long thresholdNanos) {
		if (durationNanos <= thresholdNanos) {
			return;
		}
		this.slowCalls.increment();
		long now = this.clock.monotonicTime();
		long next = this.nextLogAt.get();
		if (now - next >= 0 && this.nextLogAt.compareAndSet(next, now + this.logIntervalNanos)
				&& logger.isWarnEnabled()) {
			logger.warn(String.format("Slow call: %s took %d ms (threshold %d ms); further slow calls of it are"
					+ " counted in the metrics and logged at most every %d s", this.description,
					TimeUnit.NANOSECONDS.toMillis(durationNanos), TimeUnit.NANOSECONDS.toMillis(thresholdNanos),
					TimeUnit.NANOSECONDS.toSeconds(this.logIntervalNanos)));
		}
	}

}
