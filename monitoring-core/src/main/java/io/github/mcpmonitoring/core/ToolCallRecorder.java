package io.github.mcpmonitoring.core;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.github.mcpmonitoring.failures.FailedCall;
import io.github.mcpmonitoring.failures.FailureClass;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.noop.NoopLongTaskTimer;

/**
 * Records the calls of one MCP tool. Meters of the success and {@code tool_error} outcomes are resolved once per
 * {@link ConnectionTags connection}, so that recording a successful call that starts and ends on one thread allocates
 * nothing; other error types are resolved when they happen. When the
 * in-flight meter is denied (for example with {@code management.metrics.enable.<name>=false}), calls are not tracked
 * as in flight at all.
 */
public final class ToolCallRecorder {

	private final String toolName;

	private final ToolCallMetrics metrics;

	private final Clock clock;

	private final Map<ConnectionTags, Timer> succeeded = new ConcurrentHashMap<>();

	private final Map<ConnectionTags, Timer> toolErrors = new ConcurrentHashMap<>();

	private final Function<ConnectionTags, Timer> succeededTimer;

	private final Function<ConnectionTags, Timer> toolErrorTimer;

	private final ConnectionTags defaultConnection;

	private final InFlightCalls.TrackedTimer active;

	private final SlowCallReporter slowCalls;

	ToolCallRecorder(String toolName, ToolCallMetrics metrics, Clock clock, ConnectionTags defaultConnection,
			Function<ConnectionTags, Timer> succeededTimer, Function<ConnectionTags, Timer> toolErrorTimer,
			LongTaskTimer active, InFlightCalls inFlightCalls, SlowCallReporter slowCalls) {
		this.toolName = toolName;
		this.metrics = metrics;
		this.clock = clock;
		this.defaultConnection = defaultConnection;
		this.succeededTimer = succeededTimer;
		this.toolErrorTimer = toolErrorTimer;
		this.succeeded.put(defaultConnection, succeededTimer.apply(defaultConnection));
		this.toolErrors.put(defaultConnection, toolErrorTimer.apply(defaultConnection));
		this.active = (active instanceof NoopLongTaskTimer) ? null : inFlightCalls.track(active);
		this.slowCalls = slowCalls;
	}

	/**
	 * Return the tool name this recorder records under.
	 * @return the tool name
	 */
	public String toolName() {
		return this.toolName;
	}

	/**
	 * Count a call that ends on this thread as in flight until it is {@link #record recorded} on this thread.
	 * @return the call to hand to {@link #record}, or {@code null} when the in-flight meter is denied or the call
	 * could not be tracked
	 */
	public InFlightCall start() {
		if (this.active == null) {
			return null;
		}
		try {
			return this.active.begin();
		}
		catch (Throwable ex) {
			// An Error too (a linkage error from a mismatched library, a stack overflow in a listener): a failure
			// to record must not replace the monitored call's own outcome.
			this.metrics.failureLog().recordingFailed(McpMeterNames.OPERATION_ACTIVE, ex);
			return null;
		}
	}

	/**
	 * Count a call that may end on another thread as in flight until it is {@link #record recorded}.
	 * @return the call to hand to {@link #record}, or {@code null} when the in-flight meter is denied or the call
	 * could not be tracked
	 */
	public InFlightCall startAsync() {
		if (this.active == null) {
			return null;
		}
		try {
			return this.active.beginAnywhere();
		}
		catch (Throwable ex) {
			// An Error too (a linkage error from a mismatched library, a stack overflow in a listener): a failure
			// to record must not replace the monitored call's own outcome.
			this.metrics.failureLog().recordingFailed(McpMeterNames.OPERATION_ACTIVE, ex);
			return null;
		}
	}

	/**
	 * Return the current monotonic time of the registry's clock, in nanoseconds.
	 * @return the time to pass to {@link #record} as the start of a call
	 */
	public long monotonicTime() {
		return this.clock.monotonicTime();
	}

	/**
	 * Record a finished call and, when it failed, tell the failure listener. Never throws an exception.
	 * @param startTime the value of {@link #monotonicTime()} when the call started
	 * @param inFlight the call returned by {@link #start()} or {@link #startAsync()}, may be {@code null}
	 * @param errorType the outcome, see {@link ErrorTypes}
	 * @param slowThresholdNanos duration above which the call counts as slow
	 * @param failureMessage a description of the failure, or {@code null}
	 */
	public void record(long startTime, InFlightCall inFlight, String errorType, long slowThresholdNanos,
			String failureMessage) {
		record(startTime, inFlight, errorType, slowThresholdNanos, failureMessage, null);
	}

	/**
	 * Record a finished call and, when it failed, classify the failure and tell the failure listener. Never throws.
	 * @param startTime the value of {@link #monotonicTime()} when the call started
	 * @param inFlight the call returned by {@link #start()} or {@link #startAsync()}, may be {@code null}
	 * @param errorType the outcome, see {@link ErrorTypes}
	 * @param slowThresholdNanos duration above which the call counts as slow
	 * @param failureMessage a description of the failure, or {@code null}
	 * @param failedCall what is known about the failure to classify it, or {@code null} when nothing is
	 */
	public void record(long startTime, InFlightCall inFlight, String errorType, long slowThresholdNanos,
			String failureMessage, FailedCall failedCall) {
		record(startTime, inFlight, errorType, slowThresholdNanos, failureMessage, failedCall, null);
	}

	/**
	 * Record a finished call that arrived on a known connection and, when it failed, classify the failure and tell
	 * the failure listener. Never throws.
	 * @param startTime the value of {@link #monotonicTime()} when the call started
	 * @param inFlight the call returned by {@link #start()} or {@link #startAsync()}, may be {@code null}
	 * @param errorType the outcome, see {@link ErrorTypes}
	 * @param slowThresholdNanos duration above which the call counts as slow
	 * @param failureMessage a description of the failure, or {@code null}
	 * @param failedCall what is known about the failure to classify it, or {@code null} when nothing is
	 * @param connection the protocol version and transport of the request, or {@code null} for the defaults
	 */
	public void record(long startTime, InFlightCall inFlight, String errorType, long slowThresholdNanos,
			String failureMessage, FailedCall failedCall, ConnectionTags connection) {
		try {
			ConnectionTags tags = (connection != null) ? connection : this.defaultConnection;
			if (inFlight != null) {
				inFlight.end();
			}
			long duration = this.clock.monotonicTime() - startTime;
			if (ErrorTypes.NONE.equals(errorType)) {
				timer(this.succeeded, this.succeededTimer, tags).record(duration, TimeUnit.NANOSECONDS);
			}
			else {
				FailureClass failureClass = this.metrics.classify((failedCall != null) ? failedCall
						: FailedCall.tool(this.toolName, null, failureMessage, false, false));
				timerFor(errorType, failureClass, tags).record(duration, TimeUnit.NANOSECONDS);
				this.metrics.failed(this.toolName, errorType, failureClass, failureMessage);
			}
			this.slowCalls.reportIfSlow(duration, slowThresholdNanos);
		}
		catch (Throwable ex) {
			// An Error too (a linkage error from a mismatched library, a stack overflow in a listener): a failure
			// to record must not replace the monitored call's own outcome.
			this.metrics.failureLog().recordingFailed(McpMeterNames.OPERATION_DURATION, ex);
		}
	}

	private Timer timerFor(String errorType, FailureClass failureClass, ConnectionTags connection) {
		if (ErrorTypes.TOOL_ERROR.equals(errorType) && !failureClass.isClientMistake()) {
			return timer(this.toolErrors, this.toolErrorTimer, connection);
		}
		return this.metrics.durationTimer(this.toolName, errorType, failureClass.origin(), connection);
	}

	private static Timer timer(Map<ConnectionTags, Timer> timers, Function<ConnectionTags, Timer> create,
			ConnectionTags connection) {
		Timer timer = timers.get(connection);
		return (timer != null) ? timer : timers.computeIfAbsent(connection, create);
	}

}
