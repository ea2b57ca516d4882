package io.github.mcpmonitoring.requests;

import io.modelcontextprotocol.common.McpTransportContext;

/**
 * The transport context of one request: answers what the transport put in it, and the request layer's
 * {@link McpRequest} under its own key.
 */
final class RequestTransportContext implements McpTransportContext {

	private final McpTransportContext delegate;

	private final McpRequest request;

	RequestTransportContext(McpTransportContext delegate, McpRequest request) {
		this.delegate = (delegate != null) ? delegate : McpTransportContext.EMPTY;
		this.request = request;
	}

	/** Return the context of a request on top of the one found in a Reactor context value, if any. */
	static RequestTransportContext over(Object found, McpRequest request) {
		return new RequestTransportContext((found instanceof McpTransportContext context) ? context : null, request);
	}

	McpRequest request() {
		return this.request;
	}

	@Override
	public Object get(String key) {
		return McpRequest.CONTEXT_KEY.equals(key) ? this.request : this.delegate.get(key);
	}

}
