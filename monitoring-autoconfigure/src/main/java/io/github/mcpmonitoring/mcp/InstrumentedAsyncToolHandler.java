package io.github.mcpmonitoring.mcp;

import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;

import io.github.mcpmonitoring.core.ToolCallRecorder;
import io.github.mcpmonitoring.core.ToolInvocation;
import io.micrometer.core.instrument.LongTaskTimer;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import reactor.core.publisher.Mono;

/**
 * Records each call of an asynchronous tool handler once, when its {@link Mono} terminates or is cancelled, and
 * passes its result or error through unchanged.
 *
 * @param <E> the exchange or transport context the handler receives
 */
final class InstrumentedAsyncToolHandler<E> implements BiFunction<E, CallToolRequest, Mono<CallToolResult>> {

	private final BiFunction<E, CallToolRequest, Mono<CallToolResult>> delegate;

	private final ToolCallRecorder recorder;

	private final long slowThresholdNanos;

	InstrumentedAsyncToolHandler(BiFunction<E, CallToolRequest, Mono<CallToolResult>> delegate,
			ToolCallRecorder recorder, long slowThresholdNanos) {
		this.delegate = delegate;
		this.recorder = recorder;
		this.slowThresholdNanos = slowThresholdNanos;
	}

	@Override
	public Mono<CallToolResult> apply(E exchange, CallToolRequest request) {
		return Mono.defer(() -> {
			Call call = new Call();
			Mono<CallToolResult> result;
			try {
				result = this.delegate.apply(exchange, request);
			}
			catch (RuntimeException | Error ex) {
				call.finish(null, ex);
				throw ex;
			}
			return result.doOnSuccess((value) -> call.finish(value, null))
				.doOnError((ex) -> call.finish(null, ex))
				.doOnCancel(() -> call.finish(null, new CancellationException("Tool call cancelled")));
		});
	}

	/** One call, recorded once whichever signal ends it. */
	private final class Call {

		private final LongTaskTimer.Sample inFlight = InstrumentedAsyncToolHandler.this.recorder.start();

		private final long startTime = InstrumentedAsyncToolHandler.this.recorder.monotonicTime();

		private final long startNanoTime = System.nanoTime();

		private final AtomicBoolean finished = new AtomicBoolean();

		void finish(CallToolResult result, Throwable thrown) {
			if (!this.finished.compareAndSet(false, true)) {
				return;
			}
			// Frameworks run the tool method and complete the Mono on one worker thread: what the tool method
			// threw there, before the framework turned it into an error result, can be read here.
			String toolMethodFailure = (thrown == null && result != null && Boolean.TRUE.equals(result.isError()))
					? ToolInvocation.takeUnscopedFailure(this.startNanoTime) : null;
			InstrumentedAsyncToolHandler.this.recorder.record(this.startTime, this.inFlight,
					ToolCallOutcome.errorType(result, thrown, toolMethodFailure),
					InstrumentedAsyncToolHandler.this.slowThresholdNanos);
		}

	}

}
