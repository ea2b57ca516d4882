package io.github.mcpmonitoring.toolcall;

import io.github.mcpmonitoring.core.InFlightCall;
import io.github.mcpmonitoring.core.RecordingFailureLog;
import io.github.mcpmonitoring.core.ToolCallMetrics;
import io.github.mcpmonitoring.core.ToolCallRecorder;
import io.github.mcpmonitoring.failures.FailedCall;

/**
 * A tool an MCP server exposes, as its call handlers record it: under the name and threshold its
 * {@code @MonitoredTool} gives it, if any, with meters resolved once.
 */
public final class ServerTool {

	private final String name;

	private final ToolCallMetrics metrics;

	private final ToolCallRecorder recorder;

	private final long slowThresholdNanos;

	private final boolean watchesToolMethod;

	ServerTool(String name, ToolCallMetrics metrics, ToolCallRecorder recorder, long slowThresholdNanos,
			boolean watchesToolMethod) {
		this.name = name;
		this.metrics = metrics;
		this.recorder = recorder;
		this.slowThresholdNanos = slowThresholdNanos;
		this.watchesToolMethod = watchesToolMethod;
	}

	/**
	 * Return the name the server exposes the tool under.
	 * @return the tool name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Open a synchronous call on the current thread. Then {@link #startInFlight() count it in flight}, read the
	 * {@link #monotonicTime() start time}, run the handler and {@link ToolInvocation#finish finish} the call on every
	 * exit.
	 * @return the open call
	 */
	public ToolInvocation open() {
		return ToolInvocation.open(this);
	}

	/**
	 * Count a synchronous call, which ends on this thread, as in flight.
	 * @return the call to hand to {@link ToolInvocation#finish}, or {@code null}
	 */
	public InFlightCall startInFlight() {
		return this.recorder.start();
	}

	/**
	 * Return the current monotonic time of the registry's clock, in nanoseconds.
	 * @return the start time of a call
	 */
	public long monotonicTime() {
		return this.recorder.monotonicTime();
	}

	/**
	 * Start one subscription to the result of an asynchronous handler, counted in flight and timed from now, with
	 * the call open on the current thread until it {@link AsyncToolCall#leaveThread() leaves} it.
	 * @return the call
	 */
	public AsyncToolCall subscribe() {
		InFlightCall inFlight = this.recorder.startAsync();
		long startTime = this.recorder.monotonicTime();
		return new AsyncToolCall(this, inFlight, startTime, ToolInvocation.open(this));
	}

	RecordingFailureLog failureLog() {
		return this.metrics.failureLog();
	}

	/** Whether the tool's method is intercepted, so that a call that did not enter it is known not to have. */
	boolean watchesToolMethod() {
		return this.watchesToolMethod;
	}

	String recordedName(String refinedName) {
		return (refinedName != null) ? refinedName : this.recorder.toolName();
	}

	void record(String refinedName, long refinedSlowThresholdNanos, long startTime, InFlightCall inFlight,
			String errorType, String failureMessage, FailedCall failedCall) {
		boolean renamed = refinedName != null && !refinedName.equals(this.recorder.toolName());
		ToolCallRecorder target = renamed ? this.metrics.recorder(refinedName) : this.recorder;
		long threshold = (refinedSlowThresholdNanos >= 0) ? refinedSlowThresholdNanos : this.slowThresholdNanos;
		target.record(startTime, inFlight, errorType, threshold, failureMessage, failedCall);
	}

}
