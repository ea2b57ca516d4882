package io.github.mcpmonitoring.requests;

import java.util.Map;
import java.util.Objects;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStreamableServerSession;
import io.modelcontextprotocol.spec.McpStreamableServerTransport;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A streamable HTTP session that delegates every public method to the SDK's own session, and records each request it
 * answers: {@link #responseStream} puts the request's record into the transport context the handlers read, and
 * watches the request's own transport for the one JSON-RPC response. The session ends when it is deleted or closed.
 * It overrides every public method of the SDK class, so that none runs on the unused state of this subclass.
 */
final class MonitoredStreamableServerSession extends McpStreamableServerSession {

	private final McpStreamableServerSession delegate;

	private final McpSession session;

	private final McpRequestMetrics metrics;

	MonitoredStreamableServerSession(McpStreamableServerSession delegate, McpSession session,
			McpRequestMetrics metrics) {
		super(delegate.getId(), null, null, null, Map.of(), Map.of());
		this.delegate = delegate;
		this.session = session;
		this.metrics = metrics;
	}

	@Override
	public Mono<Void> responseStream(McpSchema.JSONRPCRequest jsonrpcRequest, McpStreamableServerTransport transport) {
		return Mono.defer(() -> {
			McpRequest request = this.metrics.start(jsonrpcRequest.method(), jsonrpcRequest.params(), this.session,
					this.session.connection(), jsonrpcRequest.id(), this.delegate.getId());
			return this.delegate
				.responseStream(jsonrpcRequest, new ResponseWatchingTransport(transport, jsonrpcRequest.id(), request))
				.doOnError((ex) -> this.metrics.failed(request, ex))
				.contextWrite((context) -> context.put(McpTransportContext.KEY,
						RequestTransportContext.over(context.getOrDefault(McpTransportContext.KEY, null), request)));
		});
	}

	@Override
	public Mono<Void> delete() {
		return this.delegate.delete().doFinally((signal) -> this.metrics.sessionEnded(this.session));
	}

	@Override
	public Mono<Void> closeGracefully() {
		return this.delegate.closeGracefully().doFinally((signal) -> this.metrics.sessionEnded(this.session));
	}

	@Override
	public void close() {
		try {
			this.delegate.close();
		}
		finally {
			this.metrics.sessionEnded(this.session);
		}
	}

	@Override
	public void setMinLoggingLevel(McpSchema.LoggingLevel minLoggingLevel) {
		this.delegate.setMinLoggingLevel(minLoggingLevel);
	}

	@Override
	public boolean isNotificationForLevelAllowed(McpSchema.LoggingLevel loggingLevel) {
		return this.delegate.isNotificationForLevelAllowed(loggingLevel);
	}

	@Override
	public String getId() {
		return this.delegate.getId();
	}

	@Override
	public <T> Mono<T> sendRequest(String method, Object requestParams, TypeRef<T> typeRef) {
		return this.delegate.sendRequest(method, requestParams, typeRef);
	}

	@Override
	public Mono<Void> sendNotification(String method, Object params) {
		return this.delegate.sendNotification(method, params);
	}

	@Override
	public Mono<Void> sendNotification(String method) {
		return this.delegate.sendNotification(method);
	}

	@Override
	public McpStreamableServerSessionStream listeningStream(McpStreamableServerTransport transport) {
		return this.delegate.listeningStream(transport);
	}

	@Override
	public Flux<McpSchema.JSONRPCMessage> replay(Object lastEventId) {
		return this.delegate.replay(lastEventId);
	}

	@Override
	public Mono<Void> accept(McpSchema.JSONRPCNotification notification) {
		return this.delegate.accept(notification);
	}

	@Override
	public Mono<Void> accept(McpSchema.JSONRPCResponse response) {
		return this.delegate.accept(response);
	}

	/** The transport of one request's response stream: the response with the request's id ends the request. */
	private final class ResponseWatchingTransport implements McpStreamableServerTransport {

		private final McpStreamableServerTransport delegate;

		private final Object requestId;

		private final McpRequest request;

		ResponseWatchingTransport(McpStreamableServerTransport delegate, Object requestId, McpRequest request) {
			this.delegate = delegate;
			this.requestId = requestId;
			this.request = request;
		}

		@Override
		public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message, String messageId) {
			watch(message);
			return this.delegate.sendMessage(message, messageId);
		}

		@Override
		public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
			watch(message);
			return this.delegate.sendMessage(message);
		}

		private void watch(McpSchema.JSONRPCMessage message) {
			if (message instanceof McpSchema.JSONRPCResponse response
					&& Objects.equals(response.id(), this.requestId)) {
				MonitoredStreamableServerSession.this.metrics.answered(this.request, response.result(),
						response.error());
			}
		}

		@Override
		public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
			return this.delegate.unmarshalFrom(data, typeRef);
		}

		@Override
		public void close() {
			this.delegate.close();
		}

		@Override
		public Mono<Void> closeGracefully() {
			return this.delegate.closeGracefully();
		}

		@Override
		public java.util.List<String> protocolVersions() {
			return this.delegate.protocolVersions();
		}

	}

}
