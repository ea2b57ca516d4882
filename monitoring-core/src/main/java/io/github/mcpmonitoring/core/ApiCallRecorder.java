package io.github.mcpmonitoring.core;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.mcpmonitoring.failures.FailureClass;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Timer;

/**
 * Records the calls of one upstream API and tracks its failures in a row. The success timer is resolved once, so that
 * recording a successful call allocates nothing.
 */
public final class ApiCallRecorder {

	private final String api;

	private final ApiCallMetrics metrics;

	private final Clock clock;

	private final Timer succeeded;

	private final SlowCallReporter slowCalls;

	private final AtomicInteger consecutiveFailures;

	ApiCallRecorder(String api, ApiCallMetrics metrics, Clock clock, Timer succeeded, SlowCallReporter slowCalls,
			AtomicInteger consecutiveFailures) {
		this.api = api;
		this.metrics = metrics;
		this.clock = clock;
		this.succeeded = succeeded;
		this.slowCalls = slowCalls;
		this.consecutiveFailures = consecutiveFailures;
	}

	/**
	 * Return the API name this recorder records under.
	 * @return the API name
	 */
	public String api() {
		return this.api;
	}

	/**
	 * Return the current monotonic time of the registry's clock, in nanoseconds.
	 * @return the time to pass to {@link #record} as the start of a call
	 */
	public long monotonicTime() {
		return this.clock.monotonicTime();
	}

	/**
	 * Return the number of failures in a row since the last success.
	 * @return the consecutive failures
	 */
	public int consecutiveFailures() {
		return this.consecutiveFailures.get();
	}

	/**
	 * Record a finished call. Never throws an exception.
	 * @param startTime the value of {@link #monotonicTime()} when the call started
	 * @param failure the exception the call ended with, or {@code null} on success
	 * @param slowThresholdNanos duration above which the call counts as slow
	 */
	public void record(long startTime, Throwable failure, long slowThresholdNanos) {
		try {
			long duration = this.clock.monotonicTime() - startTime;
			if (failure == null) {
				// A read is cheaper than a write to a shared line, and it is almost always 0 already.
				if (this.consecutiveFailures.get() != 0) {
					this.consecutiveFailures.set(0);
				}
				this.succeeded.record(duration, TimeUnit.NANOSECONDS);
			}
			else {
				FailureClass failureClass = this.metrics.classify(this.api, failure);
				if (!failureClass.isClientMistake()) {
					// The client's mistake says nothing about the upstream's health.
					this.consecutiveFailures.incrementAndGet();
				}
				String errorType = ErrorTypes.of(failure);
				this.metrics.durationTimer(this.api, errorType, failureClass.origin())
					.record(duration, TimeUnit.NANOSECONDS);
				this.metrics.failed(this.api, errorType, failureClass, failure);
			}
			this.slowCalls.reportIfSlow(duration, slowThresholdNanos);
		}
		catch (Throwable ex) {
			// An Error too (a linkage error from a mismatched library, a stack overflow in a listener): a failure
			// to record must not replace the monitored call's own outcome.
			this.metrics.failureLog().recordingFailed(McpMeterNames.API_CALL_DURATION, ex);
		}
	}

}
