package io.github.mcpmonitoring.core;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;

/**
 * Counts calls slower than a threshold and logs them at WARN, at most once per interval, for one tool or API.
 */
final class SlowCallReporter {

	/** Field of the slow call's duration in milliseconds. */
	static final String DURATION_FIELD = "mcp.slow_call.duration_ms";

	/** Field of the slow-call threshold in milliseconds. */
	static final String THRESHOLD_FIELD = "mcp.slow_call.threshold_ms";

	private static final StructuredLog logger = StructuredLog.of(SlowCallReporter.class);

	private final String nameField;

	private final String name;

	private final String description;

	private final Counter slowCalls;

	private final Clock clock;

	private final long logIntervalNanos;

	private final AtomicLong nextLogAt;

	SlowCallReporter(String nameField, String name, String description, Counter slowCalls, Clock clock,
			Duration logInterval) {
		this.nameField = nameField;
		this.name = name;
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
				&& logger.isEnabled(StructuredLog.Level.WARN)) {
			long durationMillis = TimeUnit.NANOSECONDS.toMillis(durationNanos);
			long thresholdMillis = TimeUnit.NANOSECONDS.toMillis(thresholdNanos);
			Map<String, Object> fields = new LinkedHashMap<>();
			fields.put(this.nameField, this.name);
			fields.put(DURATION_FIELD, durationMillis);
			fields.put(THRESHOLD_FIELD, thresholdMillis);
			String message = String.format("Slow call: %s took %d ms (threshold %d ms); further slow calls of it are"
					+ " counted in the metrics and logged at most every %d s", this.description, durationMillis,
					thresholdMillis, TimeUnit.NANOSECONDS.toSeconds(this.logIntervalNanos));
			logger.log(StructuredLog.Level.WARN, message, fields);
		}
	}

}
