package io.github.mcpmonitoring.requests;

import java.time.Duration;
import java.util.Map;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerSession;
import reactor.core.publisher.Mono;

/**
 * An SSE or stdio session that delegates every public method to the SDK's own session, and records each request
 * {@link #handle handled} ({@code initialize} included): the request's record goes into the transport context the
 * handlers read, and the session's transport ends it when it sends the response. The session ends when it is
 * closed. It overrides every public method of the SDK class, so that none runs on the unused state of this subclass.
 */
final class MonitoredServerSession extends McpServerSession {

	private final McpServerSession delegate;

	private final McpSession session;

	private final McpRequestMetrics metrics;

	MonitoredServerSession(McpServerSession delegate, ResponseWatchingServerTransport transport, McpSession session,
			McpRequestMetrics metrics) {
		super(delegate.getId(), Duration.ZERO, transport, null, Map.of(), Map.of());
		this.delegate = delegate;
		this.session = session;
		this.metrics = metrics;
	}

	@Override
	public Mono<Void> handle(McpSchema.JSONRPCMessage message) {
		if (!(message instanceof McpSchema.JSONRPCRequest jsonrpcRequest)) {
			return this.delegate.handle(message);
		}
		return Mono.defer(() -> {
			McpRequest request = this.metrics.start(jsonrpcRequest.method(), jsonrpcRequest.params(), this.session,
					this.session.connection(), jsonrpcRequest.id(), this.delegate.getId());
			return this.delegate.handle(message)
				.doOnError((ex) -> this.metrics.failed(request, ex))
				.contextWrite((context) -> context.put(McpTransportContext.KEY,
						RequestTransportContext.over(context.getOrDefault(McpTransportContext.KEY, null), request)));
		});
	}

	@Override
	public String getId() {
		return this.delegate.getId();
	}

	@Override
	public void init(McpSchema.ClientCapabilities clientCapabilities, McpSchema.Implementation clientInfo) {
		this.delegate.init(clientCapabilities, clientInfo);
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

}
