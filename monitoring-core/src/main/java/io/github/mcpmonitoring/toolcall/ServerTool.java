package io.github.mcpmonitoring.toolcall;

import io.github.mcpmonitoring.core.ConnectionTags;
import io.github.mcpmonitoring.core.ErrorTypes;
import io.github.mcpmonitoring.core.InFlightCall;
import io.github.mcpmonitoring.core.McpMeterNames;
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
	 * Return the name the tool's calls are recorded under: the name its {@code @MonitoredTool} gives it, else the
	 * name the server exposes it under.
	 * @return the recorded tool name
	 */
	public String recordedName() {
		return this.recorder.toolName();
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

	/**
	 * Record a call the MCP server answered with an error result before the tool's call handler ran, because its
	 * arguments do not match the tool's input schema. It is a {@code tool_error} the framework answered without
	 * entering the tool, which the default classification takes for the client's mistake. Never throws an exception.
	 * @param startTime the {@link #monotonicTime() time} the server started to look at the call
	 * @param errorResultText the text of the error result the client gets, or {@code null}; may contain anything the
	 * client sent
	 */
	public void inputRejected(long startTime, String errorResultText) {
		try {
			FailedCall failedCall = FailedCall.tool(recordedName(null), null, errorResultText, true, true);
			record(null, -1, startTime, null, ErrorTypes.TOOL_ERROR, errorResultText, failedCall, null);
		}
		catch (Throwable ex) {
			// An Error too: a failure to record must not replace the server's answer to the client.
			failureLog().recordingFailed(McpMeterNames.OPERATION_DURATION, ex);
		}
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
			String errorType, String failureMessage, FailedCall failedCall, ConnectionTags connection) {
		boolean renamed = refinedName != null && !refinedName.equals(this.recorder.toolName());
		ToolCallRecorder target = renamed ? this.metrics.recorder(refinedName) : this.recorder;
		long threshold = (refinedSlowThresholdNanos >= 0) ? refinedSlowThresholdNanos : this.slowThresholdNanos;
		target.record(startTime, inFlight, errorType, threshold, failureMessage, failedCall, connection);
	}

}
