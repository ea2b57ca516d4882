package io.github.mcpmonitoring.mcp;

import java.util.function.BiFunction;

import io.github.mcpmonitoring.core.ErrorTypes;
import io.github.mcpmonitoring.core.InFlightCall;
import io.github.mcpmonitoring.core.McpMeterNames;
import io.github.mcpmonitoring.core.ToolCallMetrics;
import io.github.mcpmonitoring.core.ToolCallRecorder;
import io.github.mcpmonitoring.core.ToolInvocation;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;

/**
 * Records each call of a synchronous tool handler once and passes its result or exception through unchanged.
 *
 * @param <E> the exchange or transport context the handler receives
 */
final class InstrumentedSyncToolHandler<E> implements BiFunction<E, CallToolRequest, CallToolResult> {

	private final BiFunction<E, CallToolRequest, CallToolResult> delegate;

	private final String toolName;

	private final ToolCallMetrics metrics;

	private final ToolCallRecorder recorder;

	private final long slowThresholdNanos;

	InstrumentedSyncToolHandler(BiFunction<E, CallToolRequest, CallToolResult> delegate, String toolName,
			ToolCallMetrics metrics, ToolCallRecorder recorder, long slowThresholdNanos) {
		this.delegate = delegate;
		this.toolName = toolName;
		this.metrics = metrics;
		this.recorder = recorder;
		this.slowThresholdNanos = slowThresholdNanos;
	}

	@Override
	public CallToolResult apply(E exchange, CallToolRequest request) {
		ToolInvocation invocation = ToolInvocation.open(this.toolName);
		InFlightCall inFlight = this.recorder.start();
		long startTime = this.recorder.monotonicTime();
		CallToolResult result;
		try {
			result = this.delegate.apply(exchange, request);
		}
		catch (Throwable ex) {
			// Also a checked exception a handler throws without declaring it: the invocation must be closed.
			finish(invocation, startTime, inFlight, null, ex);
			throw ex;
		}
		finish(invocation, startTime, inFlight, result, null);
		return result;
	}

	/** Record the call, which never throws, and close its invocation. */
	private void finish(ToolInvocation invocation, long startTime, InFlightCall inFlight, CallToolResult result,
			Throwable thrown) {
		try {
			record(invocation, startTime, inFlight, result, thrown);
		}
		catch (Throwable ex) {
			this.metrics.failureLog().recordingFailed(McpMeterNames.OPERATION_DURATION, ex);
		}
		invocation.close();
	}

	private void record(ToolInvocation invocation, long startTime, InFlightCall inFlight,
			CallToolResult result, Throwable thrown) {
		Throwable toolMethodFailure = invocation.failure();
		String errorType = ToolCallOutcome.errorType(result, thrown,
				(toolMethodFailure != null) ? ErrorTypes.of(toolMethodFailure) : null);
		long threshold = (invocation.slowThresholdNanos() >= 0) ? invocation.slowThresholdNanos()
				: this.slowThresholdNanos;
		String refinedName = invocation.toolName();
		ToolCallRecorder target = (refinedName != null && !refinedName.equals(this.recorder.toolName()))
				? this.metrics.recorder(refinedName) : this.recorder;
		String failureMessage = ErrorTypes.NONE.equals(errorType) ? null
				: ToolCallOutcome.failureMessage(result, thrown, toolMethodFailure);
		target.record(startTime, inFlight, errorType, threshold, failureMessage);
	}

}
