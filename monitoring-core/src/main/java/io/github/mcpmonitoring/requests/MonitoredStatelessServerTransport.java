package io.github.mcpmonitoring.requests;

import java.util.List;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpStatelessServerHandler;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStatelessServerTransport;
import reactor.core.publisher.Mono;

/**
 * A stateless transport that records every request: it hands the server's handler on decorated, so that each
 * request's record is in the transport context the handlers receive and its response ends it. There are no sessions
 * and no negotiated protocol version. Everything else is the decorated transport's.
 */
public final class MonitoredStatelessServerTransport implements McpStatelessServerTransport {

	private final McpStatelessServerTransport delegate;

	private final McpRequestMetrics metrics;

	private final String transport;

	/**
	 * Decorate a transport.
	 * @param delegate the transport
	 * @param metrics where requests are recorded
	 * @param transport the value of {@code network.transport}
	 */
	public MonitoredStatelessServerTransport(McpStatelessServerTransport delegate, McpRequestMetrics metrics,
			String transport) {
		this.delegate = delegate;
		this.metrics = metrics;
		this.transport = transport;
	}

	/**
	 * Return the decorated transport.
	 * @return the transport
	 */
	public McpStatelessServerTransport delegate() {
		return this.delegate;
	}

	@Override
	public void setMcpHandler(McpStatelessServerHandler mcpHandler) {
		this.delegate.setMcpHandler(new Handler(mcpHandler));
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
	public List<String> protocolVersions() {
		return this.delegate.protocolVersions();
	}

	/** The server's handler, each request recorded once with the response it returns. */
	private final class Handler implements McpStatelessServerHandler {

		private final McpStatelessServerHandler delegate;

		Handler(McpStatelessServerHandler delegate) {
			this.delegate = delegate;
		}

		@Override
		public Mono<McpSchema.JSONRPCResponse> handleRequest(McpTransportContext transportContext,
				McpSchema.JSONRPCRequest jsonrpcRequest) {
			McpRequestMetrics metrics = MonitoredStatelessServerTransport.this.metrics;
			return Mono.defer(() -> {
				McpRequest request = metrics.start(jsonrpcRequest.method(), jsonrpcRequest.params(), null,
						metrics.statelessConnection(MonitoredStatelessServerTransport.this.transport),
						jsonrpcRequest.id());
				RequestTransportContext context = new RequestTransportContext(transportContext, request);
				return this.delegate.handleRequest(context, jsonrpcRequest)
					.doOnNext((response) -> metrics.answered(request, response.result(), response.error()))
					.doOnError((ex) -> metrics.failed(request, ex))
					.contextWrite((reactorContext) -> reactorContext.put(McpTransportContext.KEY, context));
			});
		}

		@Override
		public Mono<Void> handleNotification(McpTransportContext transportContext,
				McpSchema.JSONRPCNotification notification) {
			return this.delegate.handleNotification(transportContext, notification);
		}

	}

}
