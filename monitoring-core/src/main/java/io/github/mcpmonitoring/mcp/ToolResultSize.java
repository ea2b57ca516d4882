package io.github.mcpmonitoring.mcp;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;

import io.github.mcpmonitoring.core.McpMeterNames;
import io.github.mcpmonitoring.core.RecordingFailureLog;
import io.micrometer.core.instrument.DistributionSummary;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import reactor.core.publisher.Mono;

/**
 * Records the size of each result one tool's call handler returns, error results included, and passes the result on
 * unchanged: the characters of its text content. Images, audio, embedded resources and structured content add
 * nothing, since counting them would mean encoding or serialising what the server sends anyway.
 */
final class ToolResultSize implements Consumer<CallToolResult> {

	private final DistributionSummary summary;

	private final RecordingFailureLog failureLog;

	ToolResultSize(DistributionSummary summary, RecordingFailureLog failureLog) {
		this.summary = summary;
		this.failureLog = failureLog;
	}

	/**
	 * Return a synchronous call handler that records the size of each result of the given one.
	 * @param <E> the exchange or transport context the handler receives
	 * @param handler the handler
	 * @return the handler that records result sizes
	 */
	<E> BiFunction<E, CallToolRequest, CallToolResult> sync(BiFunction<E, CallToolRequest, CallToolResult> handler) {
		return (exchange, request) -> {
			CallToolResult result = handler.apply(exchange, request);
			accept(result);
			return result;
		};
	}

	/**
	 * Return an asynchronous call handler that records the size of the result each of its {@link Mono}s emits.
	 * @param <E> the exchange or transport context the handler receives
	 * @param handler the handler
	 * @return the handler that records result sizes
	 */
	<E> BiFunction<E, CallToolRequest, Mono<CallToolResult>> async(
			BiFunction<E, CallToolRequest, Mono<CallToolResult>> handler) {
		return (exchange, request) -> {
			Mono<CallToolResult> result = handler.apply(exchange, request);
			// A null Mono is the handler's own fault: passed on as it is, for the server to report.
			return (result != null) ? result.doOnNext(this) : null;
		};
	}

	/**
	 * Record the size of a result. Never throws an exception: a recording failure is logged once and swallowed.
	 * @param result the result, may be {@code null}
	 */
	@Override
	public void accept(CallToolResult result) {
		if (result == null) {
			return;
		}
		try {
			this.summary.record(characters(result));
		}
		catch (Throwable ex) {
			// An Error too (a linkage error from a mismatched library): the client gets its result regardless.
			this.failureLog.recordingFailed(McpMeterNames.TOOL_RESULT_SIZE, ex);
		}
	}

	/**
	 * Return the characters of the text content of a result.
	 * @param result the result
	 * @return the summed length of its text contents
	 */
	static long characters(CallToolResult result) {
		List<McpSchema.Content> contents = result.content();
		if (contents == null) {
			return 0;
		}
		long characters = 0;
		// By index: the content lists the SDK builds are random access, and no iterator is allocated per call.
		for (int i = 0, size = contents.size(); i < size; i++) {
			if (contents.get(i) instanceof McpSchema.TextContent text && text.text() != null) {
				characters += text.text().length();
			}
		}
		return characters;
	}

}
