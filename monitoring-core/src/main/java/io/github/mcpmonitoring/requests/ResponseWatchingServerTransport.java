package io.github.mcpmonitoring.requests;

import java.util.List;
import java.util.Objects;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerTransport;
import reactor.core.publisher.Mono;

/**
 * The transport of one SSE or stdio session, as the SDK's session sees it: a response sent while a request's record
 * is in the Reactor context, with that request's id, ends the request. Everything else is the decorated transport's.
 */
final class ResponseWatchingServerTransport implements McpServerTransport {

	private final McpServerTransport delegate;

	private final McpRequestMetrics metrics;

	ResponseWatchingServerTransport(McpServerTransport delegate, McpRequestMetrics metrics) {
		this.delegate = delegate;
		this.metrics = metrics;
	}

	@Override
	public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
		if (!(message instanceof McpSchema.JSONRPCResponse response)) {
			return this.delegate.sendMessage(message);
		}
		return Mono.deferContextual((context) -> {
			if (context.getOrDefault(McpTransportContext.KEY, null) instanceof RequestTransportContext requestContext
					&& Objects.equals(requestContext.request().id(), response.id())) {
				this.metrics.answered(requestContext.request(), response.result(), response.error());
			}
			return this.delegate.sendMessage(message);
		});
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
	public List<String> protocolVersions() {
		return this.delegate.protocolVersions();
	}

}
