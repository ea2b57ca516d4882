package io.github.mcpmonitoring.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import io.github.mcpmonitoring.core.ToolCallMetrics;
import io.github.mcpmonitoring.requests.McpRequestMetrics;
import io.github.mcpmonitoring.requests.McpTransports;
import io.github.mcpmonitoring.requests.MonitoredStreamableServerTransportProvider;
import io.micrometer.core.instrument.MeterRegistry;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.server.McpRequestHandler;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpStreamableServerSession;
import io.modelcontextprotocol.spec.McpStreamableServerTransport;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import reactor.core.publisher.Mono;

/**
 * A {@code tools/call} request answered by a streamable HTTP session of the MCP SDK, with and without the starter's
 * request layer. The session is the SDK's own, with a {@code tools/call} handler that runs a synchronous tool as an
 * immediately executing server does; the request is driven as the streamable HTTP transport drives it
 * ({@code responseStream(...).contextWrite(...).block()}) into a transport that keeps the response, without HTTP and
 * without JSON. Kept apart from JMH so that a unit test can check that each path goes through what it claims to.
 */
public final class StreamableRequestFixture {

	private static final McpTransportContext TRANSPORT_CONTEXT = McpTransportContext.create(Map.of());

	/** (14b) A session of the SDK: no request layer. */
	public final McpStreamableServerSession bareSession;

	/** (14) A session the request layer's provider made over a session of the SDK, after its initialize. */
	public final McpStreamableServerSession monitoredSession;

	/**
	 * Build both sessions around the same tool handler.
	 * @param registry the registry of the request layer's meters
	 * @param toolMetrics the tool meters, whose tag keys the request layer shares
	 * @param tool the tool's call handler
	 */
	public StreamableRequestFixture(MeterRegistry registry, ToolCallMetrics toolMetrics,
			BiFunction<McpSyncServerExchange, CallToolRequest, CallToolResult> tool) {
		this.bareSession = sdkSession(tool);
		McpRequestMetrics metrics = new McpRequestMetrics(registry, toolMetrics.operationTags(),
				toolMetrics::isRegisteredTool, (uri) -> null, false, List.of());
		FactoryCapture provider = new FactoryCapture();
		new MonitoredStreamableServerTransportProvider(provider, metrics, McpTransports.TCP)
			.setSessionFactory((initializeRequest) -> new McpStreamableServerSession.McpStreamableServerSessionInit(
					sdkSession(tool), Mono.just(new McpSchema.InitializeResult(initializeRequest.protocolVersion(),
							McpSchema.ServerCapabilities.builder().tools(false).build(),
							new McpSchema.Implementation("bench-server", "1.0"), null))));
		McpStreamableServerSession.McpStreamableServerSessionInit init = provider.factory
			.startSession(new McpSchema.InitializeRequest(provider.protocolVersions().get(0),
					McpSchema.ClientCapabilities.builder().build(), new McpSchema.Implementation("bench-client", "1.0")));
		init.initResult().block();
		this.monitoredSession = init.session();
	}

	/**
	 * Answer {@link RequestLayerFixture#TOOLS_CALL} in a session as the streamable HTTP transport does.
	 * @param session the session
	 * @return the response the session sent
	 */
	public static McpSchema.JSONRPCMessage handle(McpStreamableServerSession session) {
		ResponseCapture transport = new ResponseCapture();
		session.responseStream(RequestLayerFixture.TOOLS_CALL, transport)
			.contextWrite((reactorContext) -> reactorContext.put(McpTransportContext.KEY, TRANSPORT_CONTEXT))
			.block();
		return transport.response;
	}

	private static McpStreamableServerSession sdkSession(
			BiFunction<McpSyncServerExchange, CallToolRequest, CallToolResult> tool) {
		McpRequestHandler<CallToolResult> toolsCall = (exchange, params) -> Mono
			.fromCallable(() -> tool.apply(new McpSyncServerExchange(exchange), RequestLayerFixture.CALL));
		return new McpStreamableServerSession("bench-session", null, null, Duration.ofSeconds(10),
				Map.of("tools/call", toolsCall), Map.of());
	}

	/** A provider that keeps the session factory the server sets. */
	private static final class FactoryCapture implements McpStreamableServerTransportProvider {

		private McpStreamableServerSession.Factory factory;

		@Override
		public void setSessionFactory(McpStreamableServerSession.Factory sessionFactory) {
			this.factory = sessionFactory;
		}

		@Override
		public Mono<Void> notifyClients(String method, Object params) {
			return Mono.empty();
		}

		@Override
		public Mono<Void> closeGracefully() {
			return Mono.empty();
		}

	}

	/** The transport of one request's response stream: keeps the message sent, as an open SSE stream writes it. */
	private static final class ResponseCapture implements McpStreamableServerTransport {

		private McpSchema.JSONRPCMessage response;

		@Override
		public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message, String messageId) {
			this.response = message;
			return Mono.empty();
		}

		@Override
		public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
			this.response = message;
			return Mono.empty();
		}

		@Override
		public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
			throw new UnsupportedOperationException("no JSON here");
		}

		@Override
		public Mono<Void> closeGracefully() {
			return Mono.empty();
		}

	}

}
