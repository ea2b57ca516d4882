package io.github.mcpmonitoring.mcp;

import java.util.concurrent.CancellationException;
import java.util.function.BiFunction;

import io.github.mcpmonitoring.core.ErrorTypes;
import io.github.mcpmonitoring.core.InFlightCall;
import io.github.mcpmonitoring.core.McpMeterNames;
import io.github.mcpmonitoring.core.ToolCallMetrics;
import io.github.mcpmonitoring.core.ToolCallRecorder;
import io.github.mcpmonitoring.core.ToolInvocation;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;

/**
 * Records each call of an asynchronous tool handler once, when its {@link Mono} terminates or is cancelled, and
 * passes its result or error through unchanged.
 * <p>
 * A {@link ToolInvocation} is open while the handler builds its {@code Mono} and while it is subscribed to, so
 * that tool methods running on the subscribing thread refine this call rather than count another.
 *
 * @param <E> the exchange or transport context the handler receives
 */
final class InstrumentedAsyncToolHandler<E> implements BiFunction<E, CallToolRequest, Mono<CallToolResult>> {

	private final BiFunction<E, CallToolRequest, Mono<CallToolResult>> delegate;

	private final String toolName;

	private final ToolCallMetrics metrics;

	private final ToolCallRecorder recorder;

	private final long slowThresholdNanos;

	InstrumentedAsyncToolHandler(BiFunction<E, CallToolRequest, Mono<CallToolResult>> delegate, String toolName,
			ToolCallMetrics metrics, ToolCallRecorder recorder, long slowThresholdNanos) {
		this.delegate = delegate;
		this.toolName = toolName;
		this.metrics = metrics;
		this.recorder = recorder;
		this.slowThresholdNanos = slowThresholdNanos;
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
			Call call = new Call();
			ToolInvocation invocation = ToolInvocation.open(InstrumentedAsyncToolHandler.this.toolName);
			call.attach(invocation);
			try {
				Mono<CallToolResult> result = InstrumentedAsyncToolHandler.this.delegate.apply(this.exchange,
						this.request);
				result.doOnSuccess((value) -> call.finish(value, null))
					.doOnError((ex) -> call.finish(null, ex))
					.doOnCancel(() -> call.finish(null, new CancellationException("Tool call cancelled")))
					.subscribe(actual);
			}
			catch (RuntimeException | Error ex) {
				call.finish(null, ex);
				Operators.error(actual, ex);
			}
			finally {
				call.detach();
				invocation.close();
			}
		}

	}

	/** One subscription, recorded once whichever signal ends it. */
	private final class Call {

		private final InFlightCall inFlight = InstrumentedAsyncToolHandler.this.recorder.startAsync();

		private final long startTime = InstrumentedAsyncToolHandler.this.recorder.monotonicTime();

		private final long startNanoTime = System.nanoTime();

		private ToolInvocation invocation;

		private String refinedName;

		private long refinedSlowThresholdNanos = -1;

		private Throwable toolMethodFailure;

		private boolean finished;

		synchronized void attach(ToolInvocation invocation) {
			this.invocation = invocation;
		}

		/** Keep what the tool method said while the invocation was open on the subscribing thread. */
		synchronized void detach() {
			takeRefinement();
			this.invocation = null;
		}

		void finish(CallToolResult result, Throwable thrown) {
			String name;
			long threshold;
			Throwable noted;
			synchronized (this) {
				if (this.finished) {
					return;
				}
				this.finished = true;
				takeRefinement();
				name = this.refinedName;
				threshold = this.refinedSlowThresholdNanos;
				noted = this.toolMethodFailure;
			}
			try {
				record(result, thrown, name, threshold, noted);
			}
			catch (Throwable ex) {
				InstrumentedAsyncToolHandler.this.metrics.failureLog()
					.recordingFailed(McpMeterNames.OPERATION_DURATION, ex);
			}
		}

		private void record(CallToolResult result, Throwable thrown, String name, long threshold, Throwable noted) {
			String toolMethodFailure = (noted != null) ? ErrorTypes.of(noted) : null;
			boolean errorResult = thrown == null && McpToolResults.isError(result);
			if (toolMethodFailure == null && errorResult) {
				// Frameworks run the tool method and complete the Mono on one worker thread: what the tool method
				// threw there, before the framework turned it into an error result, can be read here.
				toolMethodFailure = ToolInvocation.takeUnscopedFailure(this.startNanoTime);
			}
			String errorType = ToolCallOutcome.errorType(result, thrown, toolMethodFailure);
			String failureMessage = ErrorTypes.NONE.equals(errorType) ? null
					: ToolCallOutcome.failureMessage(result, thrown, noted);
			recorderFor(name).record(this.startTime, this.inFlight, errorType,
					(threshold >= 0) ? threshold : InstrumentedAsyncToolHandler.this.slowThresholdNanos, failureMessage);
		}

		private ToolCallRecorder recorderFor(String refinedName) {
			ToolCallRecorder recorder = InstrumentedAsyncToolHandler.this.recorder;
			boolean renamed = refinedName != null && !refinedName.equals(recorder.toolName());
			return renamed ? InstrumentedAsyncToolHandler.this.metrics.recorder(refinedName) : recorder;
		}

		private void takeRefinement() {
			if (this.invocation == null) {
				return;
			}
			if (this.invocation.toolName() != null) {
				this.refinedName = this.invocation.toolName();
			}
			if (this.invocation.slowThresholdNanos() >= 0) {
				this.refinedSlowThresholdNanos = this.invocation.slowThresholdNanos();
			}
			if (this.invocation.failure() != null) {
				this.toolMethodFailure = this.invocation.failure();
			}
		}

	}

}
