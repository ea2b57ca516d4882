package io.github.mcpmonitoring.mcp;

import java.util.function.BiFunction;

import io.github.mcpmonitoring.core.InFlightCall;
import io.github.mcpmonitoring.requests.McpRequest;
import io.github.mcpmonitoring.toolcall.ServerTool;
import io.github.mcpmonitoring.toolcall.ToolInvocation;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;

/**
 * Records each call of a synchronous tool handler once and passes its result or exception through unchanged.
 *
 * @param <E> the exchange or transport context the handler receives
 */
final class InstrumentedSyncToolHandler<E> implements BiFunction<E, CallToolRequest, CallToolResult> {

	private final BiFunction<E, CallToolRequest, CallToolResult> delegate;

	private final ServerTool tool;

	InstrumentedSyncToolHandler(BiFunction<E, CallToolRequest, CallToolResult> delegate, ServerTool tool) {
		this.delegate = delegate;
		this.tool = tool;
	}

	@Override
	public CallToolResult apply(E exchange, CallToolRequest request) {
		McpRequest mcpRequest = McpRequest.of(exchange);
		try (ToolCallScope scope = ToolCallScope.open(mcpRequest, this.tool.name())) {
			return call(exchange, request, mcpRequest);
		}
	}

	private CallToolResult call(E exchange, CallToolRequest request, McpRequest mcpRequest) {
		ToolInvocation invocation = this.tool.open();
		if (mcpRequest != null) {
			mcpRequest.recordedByToolLayer();
			invocation.arrivedOn(mcpRequest.connection());
		}
		InFlightCall inFlight = this.tool.startInFlight();
		long startTime = this.tool.monotonicTime();
		CallToolResult result;
		try {
			result = this.delegate.apply(exchange, request);
		}
		catch (Throwable ex) {
			// The handler's own exception, rethrown unchanged: also a checked exception it throws without
			// declaring it, after which the invocation must be closed as well.
			invocation.finish(startTime, inFlight, null, ex);
			if (mcpRequest != null) {
				mcpRequest.toolFailed(ex);
			}
			throw ex;
		}
		invocation.finish(startTime, inFlight, result, null);
		return result;
	}

}
