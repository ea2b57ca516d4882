package io.github.mcpmonitoring.benchmarks;

import java.util.function.BiFunction;

import io.github.mcpmonitoring.core.ErrorTypes;
import io.github.mcpmonitoring.core.ToolCallMetrics;
import io.github.mcpmonitoring.core.ToolCallRecorder;
import io.github.mcpmonitoring.core.ToolInvocation;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;

/**
 * A what-if, not the starter's code: the starter's synchronous tool handler wrapper
 * ({@code io.github.mcpmonitoring.mcp.InstrumentedSyncToolHandler}) copied line for line, less the
 * {@code LongTaskTimer} sample it starts per call for the in-flight meter. It shows what the wrapper costs when the
 * in-flight count is kept without a per-call allocation.
 *
 * @param <E> the exchange the handler receives
 */
final class HandlerWithoutInFlight<E> implements BiFunction<E, CallToolRequest, CallToolResult> {

	private final BiFunction<E, CallToolRequest, CallToolResult> delegate;

	private final ToolCallMetrics metrics;

	private final ToolCallRecorder recorder;

	private final long slowThresholdNanos;

	HandlerWithoutInFlight(BiFunction<E, CallToolRequest, CallToolResult> delegate, ToolCallMetrics metrics,
			String toolName, long slowThresholdNanos) {
		this.delegate = delegate;
		this.metrics = metrics;
		this.recorder = metrics.recorder(toolName);
		this.slowThresholdNanos = slowThresholdNanos;
	}

	@Override
	public CallToolResult apply(E exchange, CallToolRequest request) {
		ToolInvocation invocation = ToolInvocation.open();
		long startTime = this.recorder.monotonicTime();
		CallToolResult result = null;
		Throwable thrown = null;
		try {
			result = this.delegate.apply(exchange, request);
			return result;
		}
		catch (RuntimeException | Error ex) {
			thrown = ex;
			throw ex;
		}
		finally {
			record(invocation, startTime, result, thrown);
			invocation.close();
		}
	}

	private void record(ToolInvocation invocation, long startTime, CallToolResult result, Throwable thrown) {
		Throwable toolMethodFailure = invocation.failure();
		String errorType = errorType(result, thrown,
				(toolMethodFailure != null) ? ErrorTypes.of(toolMethodFailure) : null);
		long threshold = (invocation.slowThresholdNanos() >= 0) ? invocation.slowThresholdNanos()
				: this.slowThresholdNanos;
		String refinedName = invocation.toolName();
		ToolCallRecorder target = (refinedName != null && !refinedName.equals(this.recorder.toolName()))
				? this.metrics.recorder(refinedName) : this.recorder;
		target.record(startTime, null, errorType, threshold);
	}

	private static String errorType(CallToolResult result, Throwable thrown, String toolMethodFailure) {
		if (thrown != null) {
			return ErrorTypes.of(thrown);
		}
		if (result != null && Boolean.TRUE.equals(result.isError())) {
			return (toolMethodFailure != null) ? toolMethodFailure : ErrorTypes.TOOL_ERROR;
		}
		return ErrorTypes.NONE;
	}

}
