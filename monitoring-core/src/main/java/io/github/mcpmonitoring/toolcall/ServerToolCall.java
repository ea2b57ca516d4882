package io.github.mcpmonitoring.toolcall;

import io.github.mcpmonitoring.core.ConnectionTags;
import io.github.mcpmonitoring.core.ErrorTypes;
import io.github.mcpmonitoring.core.InFlightCall;
import io.github.mcpmonitoring.core.McpMeterNames;
import io.github.mcpmonitoring.failures.FailedCall;

/**
 * One call of a tool the MCP layer records, with what the tool method said about it: the name and threshold of its
 * {@code @MonitoredTool} and the exception it threw before the framework turned it into an error result. Synchronous
 * and asynchronous calls record it in the same way.
 */
abstract class ServerToolCall {

	ServerTool tool;

	String refinedName;

	long refinedSlowThresholdNanos = -1;

	Throwable toolMethodFailure;

	boolean toolMethodEntered;

	boolean upstreamCalled;

	ConnectionTags connection;

	/**
	 * Take the protocol version and transport of the MCP request this call answers, for the tags it is recorded with.
	 * @param connection the request's connection tags, or {@code null} for the defaults
	 */
	public void arrivedOn(ConnectionTags connection) {
		this.connection = connection;
	}

	/**
	 * Refine the call with what an annotation on the tool method says.
	 * @param name the tool name to record under, or {@code null} to keep it
	 * @param slowThresholdNanos the slow-call threshold, or a negative value to keep it
	 */
	void refine(String name, long slowThresholdNanos) {
		this.toolMethodEntered = true;
		if (name != null) {
			this.refinedName = name;
		}
		if (slowThresholdNanos >= 0) {
			this.refinedSlowThresholdNanos = slowThresholdNanos;
		}
	}

	void toolMethodFailed(Throwable failure) {
		this.toolMethodFailure = failure;
	}

	void clearNotes() {
		this.refinedName = null;
		this.refinedSlowThresholdNanos = -1;
		this.toolMethodFailure = null;
		this.toolMethodEntered = false;
		this.upstreamCalled = false;
		this.connection = null;
	}

	/**
	 * Tell whether this call saw, on its own thread, everything its tool did: then it knows whether an upstream call
	 * ran and whether the tool method was entered.
	 * @return whether the tool ran where this call could see it
	 */
	abstract boolean seesTheWholeCall();

	/**
	 * Return the error type of an exception the tool method threw out of sight of this call, when it can be known.
	 * @param result the result of the call
	 * @param thrown the exception the handler threw, or {@code null}
	 * @return the error type, or {@code null}
	 */
	String unnotedToolMethodFailure(Object result, Throwable thrown) {
		return null;
	}

	/**
	 * Record the call. Never throws an exception: a recording failure is logged once and swallowed.
	 * @param startTime the {@link ServerTool#monotonicTime() time} the call started
	 * @param inFlight the call as counted in flight, or {@code null}
	 * @param result the result the handler returned, or {@code null}
	 * @param thrown the exception the handler threw, or {@code null}
	 */
	final void record(long startTime, InFlightCall inFlight, Object result, Throwable thrown) {
		try {
			Throwable noted = this.toolMethodFailure;
			String toolMethodFailure = (noted != null) ? ErrorTypes.of(noted)
					: unnotedToolMethodFailure(result, thrown);
			String errorType = ToolResults.errorType(result, thrown, toolMethodFailure);
			String failureMessage = ErrorTypes.NONE.equals(errorType) ? null
					: ToolResults.failureMessage(result, thrown, noted);
			FailedCall failedCall = ErrorTypes.NONE.equals(errorType) ? null : failedCall(result, thrown, noted);
			this.tool.record(this.refinedName, this.refinedSlowThresholdNanos, startTime, inFlight, errorType,
					failureMessage, failedCall, this.connection);
		}
		catch (Throwable ex) {
			// An Error too (a linkage error from a mismatched library, a stack overflow in a listener): a failure
			// to record must not replace the monitored call's own outcome.
			this.tool.failureLog().recordingFailed(McpMeterNames.OPERATION_DURATION, ex);
		}
	}

	/** What is known about a failed call, for its classification. */
	private FailedCall failedCall(Object result, Throwable thrown, Throwable noted) {
		Throwable failure = (thrown != null) ? thrown : noted;
		boolean seen = seesTheWholeCall();
		boolean beforeToolMethod = seen && failure == null && this.tool.watchesToolMethod() && !this.toolMethodEntered
				&& ToolResults.isErrorResult(result);
		return FailedCall.tool(this.tool.recordedName(this.refinedName), failure,
				(failure == null) ? ToolResults.errorMessage(result) : null, seen && !this.upstreamCalled,
				beforeToolMethod);
	}

}
