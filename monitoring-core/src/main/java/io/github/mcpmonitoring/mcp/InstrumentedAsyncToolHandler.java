package io.github.mcpmonitoring.mcp;

import java.util.function.BiFunction;

import io.github.mcpmonitoring.failures.ClientCancellationException;
import io.github.mcpmonitoring.requests.McpRequest;
import io.github.mcpmonitoring.toolcall.AsyncToolCall;
import io.github.mcpmonitoring.toolcall.ServerTool;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;

/**
 * Records each subscription to the result of an asynchronous tool handler once, when its {@link Mono} terminates or
 * is cancelled, and passes its result or error through unchanged.
 *
 * @param <E> the exchange or transport context the handler receives
 */
final class InstrumentedAsyncToolHandler<E> implements BiFunction<E, CallToolRequest, Mono<CallToolResult>> {

	private final BiFunction<E, CallToolRequest, Mono<CallToolResult>> delegate;

	private final ServerTool tool;

	InstrumentedAsyncToolHandler(BiFunction<E, CallToolRequest, Mono<CallToolResult>> delegate, ServerTool tool) {
		this.delegate = delegate;
		this.tool = tool;
	}

	@Override
	public Mono<CallToolResult> apply(E exchange, CallToolRequest request) {
		return new RecordedCall(exchange, request);
	}

	/** The result of one call: each subscription runs the handler and is recorded once. */
	private final class RecordedCall extends Mono<CallToolResult> {

		private final E exchange;

		private final CallToolRequest request;

		RecordedCall(E exchange, CallToolRequest request) {
			this.exchange = exchange;
			this.request = request;
		}

		@Override
		public void subscribe(CoreSubscriber<? super CallToolResult> actual) {
			McpRequest mcpRequest = McpRequest.of(this.exchange);
			try (ToolCallScope scope = ToolCallScope.open(mcpRequest, InstrumentedAsyncToolHandler.this.tool.name())) {
				subscribe(actual, mcpRequest);
			}
		}

		private void subscribe(CoreSubscriber<? super CallToolResult> actual, McpRequest mcpRequest) {
			AsyncToolCall call = InstrumentedAsyncToolHandler.this.tool.subscribe();
			if (mcpRequest != null) {
				mcpRequest.recordedByToolLayer();
				call.arrivedOn(mcpRequest.connection());
			}
			try {
				Mono<CallToolResult> result = InstrumentedAsyncToolHandler.this.delegate.apply(this.exchange,
						this.request);
				result.doOnSuccess((value) -> finish(call, mcpRequest, value, null))
					.doOnError((ex) -> finish(call, mcpRequest, null, ex))
					.doOnCancel(() -> call.finish(null, new ClientCancellationException()))
					.subscribe(actual);
			}
			catch (Throwable ex) {
				// The handler's own failure, passed on to the subscriber unchanged: an undeclared checked exception
				// too, so that the call is never left in flight.
				finish(call, mcpRequest, null, ex);
				Operators.error(actual, ex);
			}
			finally {
				call.leaveThread();
			}
		}

		/**
		 * Record the end of the call in the request's scope, wherever the result arrives, so that the tool timer
		 * records under the request's span.
		 */
		private void finish(AsyncToolCall call, McpRequest mcpRequest, CallToolResult value, Throwable thrown) {
			if (mcpRequest != null && thrown != null) {
				mcpRequest.toolFailed(thrown);
			}
			try (ToolCallScope scope = ToolCallScope.open(mcpRequest, InstrumentedAsyncToolHandler.this.tool.name())) {
				call.finish(value, thrown);
			}
		}

	}

}
