package io.github.mcpmonitoring.peers;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The MCP SDK client transport as one probe uses it: the first failure of the exchange ends every message still
 * waiting, as the error of the message itself, so that the SDK client sees each failure where it handles failures
 * quietly. The SDK's own handlers for transport failures log each one at WARN with a stack trace (MCP SDK 0.18), and
 * a request it closes while still waiting for an answer is logged too; a probe fails instead, once. Likewise the
 * peer's answers are screened ({@link ProbeAnswers}) before the client logs them, and its notifications, which a probe
 * needs none of, are dropped: the client logs one it has no handler for with its content.
 */
final class ProbeTransport implements McpClientTransport {

	private final McpClientTransport delegate;

	private final Sinks.Empty<Void> failure = Sinks.empty();

	private final Map<Object, Waiting> unanswered = new ConcurrentHashMap<>();

	ProbeTransport(McpClientTransport delegate) {
		this.delegate = delegate;
		delegate.setExceptionHandler(this::fail);
	}

	/**
	 * End the exchange: every message still waiting, and every one sent later, fails with this error. Only the first
	 * failure counts.
	 * @param error why the exchange ended
	 */
	void fail(Throwable error) {
		this.failure.tryEmitError(error);
	}

	/**
	 * End the exchange when the transport's own connection failed, closing the transport first so that the SDK
	 * transport treats the failure as part of closing rather than logging it.
	 * @param error why the connection failed
	 */
	void connectionFailed(Throwable error) {
		this.delegate.closeGracefully().subscribe((ignored) -> {
		}, (ignored) -> {
		});
		fail(error);
	}

	@Override
	public Mono<Void> connect(Function<Mono<McpSchema.JSONRPCMessage>, Mono<McpSchema.JSONRPCMessage>> handler) {
		// The SDK subscribes to the connection without handling its error (MCP SDK 0.18) or logs it (2.0): the probe
		// gets it through the message waiting for it instead.
		return this.delegate.connect((message) -> handler.apply(message.mapNotNull(this::screened)))
			.onErrorResume((error) -> {
				fail(error);
				return Mono.empty();
			});
	}

	@Override
	public void setExceptionHandler(Consumer<Throwable> handler) {
		// The SDK's handler logs the failure, or starts a new session for a lost one, which a probe does not want:
		// the probe's own handler, set at construction, stays.
	}

	@Override
	public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
		// A request counts as sent once it is answered: until then, a failure of the exchange is its error. The send
		// itself is never cancelled: an HTTP exchange cancelled in flight ends with an error nobody receives any more,
		// which Reactor logs.
		Object id = (message instanceof McpSchema.JSONRPCRequest request) ? request.id() : null;
		return Mono.deferContextual((context) -> {
			Sinks.Empty<Void> sent = Sinks.empty();
			if (id != null) {
				this.unanswered.put(id, new Waiting(((McpSchema.JSONRPCRequest) message).method(), sent));
			}
			this.delegate.sendMessage(message).contextWrite(context).subscribe(null, sent::tryEmitError, () -> {
				if (id == null) {
					sent.tryEmitEmpty();
				}
			});
			return Mono.firstWithSignal(sent.asMono(), this.failure.asMono());
		}).doFinally((signal) -> {
			if (id != null) {
				this.unanswered.remove(id);
			}
		});
	}

	/**
	 * Return what the MCP client is handed of a message of the peer, or {@code null} for nothing.
	 */
	private McpSchema.JSONRPCMessage screened(McpSchema.JSONRPCMessage message) {
		if (message instanceof McpSchema.JSONRPCNotification) {
			return null;
		}
		if (!(message instanceof McpSchema.JSONRPCResponse response)) {
			return message;
		}
		Waiting waiting = (response.id() != null) ? this.unanswered.get(response.id()) : null;
		if (waiting == null) {
			fail(ProbeAnswers.answerToNoRequest());
			return null;
		}
		try {
			McpSchema.JSONRPCResponse accepted = ProbeAnswers.accepted(response, waiting.method(),
					this.delegate.protocolVersions());
			waiting.answer().tryEmitEmpty();
			return accepted;
		}
		catch (RefusedAnswerException ex) {
			waiting.answer().tryEmitError(ex);
			return null;
		}
	}

	@Override
	public Mono<Void> closeGracefully() {
		return this.delegate.closeGracefully();
	}

	@Override
	public void close() {
		// What closing fails with is of no interest once the probe has its result.
		this.delegate.closeGracefully().subscribe((ignored) -> {
		}, (ignored) -> {
		});
	}

	@Override
	public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
		return this.delegate.unmarshalFrom(data, typeRef);
	}

	@Override
	public List<String> protocolVersions() {
		return this.delegate.protocolVersions();
	}

	/** A request of the probe waiting for its answer. */
	private record Waiting(String method, Sinks.Empty<Void> answer) {

	}

}
