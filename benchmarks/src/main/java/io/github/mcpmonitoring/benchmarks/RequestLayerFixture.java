package io.github.mcpmonitoring.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;

import io.github.mcpmonitoring.core.ToolCallMetrics;
import io.github.mcpmonitoring.mcp.ToolSpecificationInstrumenter;
import io.github.mcpmonitoring.requests.McpRequestMetrics;
import io.github.mcpmonitoring.requests.McpTransports;
import io.github.mcpmonitoring.requests.MonitoredStatelessServerTransport;
import io.github.mcpmonitoring.requests.RequestObserver;
import io.github.mcpmonitoring.toolcall.ToolCalls;
import io.github.mcpmonitoring.tracing.McpRequestObservations;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.server.McpStatelessServerHandler;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpStatelessServerTransport;
import reactor.core.publisher.Mono;

/**
 * A {@code tools/call} request handled as a stateless MCP server handles it, with and without the starter's request
 * layer. The server's handler stands in for the SDK's dispatch: it hands the transport context it receives to the
 * tool's call handler and answers the result. Each request is driven as the HTTP transport drives it
 * ({@code handleRequest(...).contextWrite(...).block()}), without HTTP and without JSON. Kept apart from JMH so that
 * a unit test can check that each path goes through what it claims to.
 */
public final class RequestLayerFixture {

	/** Name of the tool every request calls. */
	public static final String TOOL_NAME = "bench_request_tool";

	/** The JSON-RPC request, its parameters a map as the transport's JSON mapper leaves them. */
	public static final McpSchema.JSONRPCRequest TOOLS_CALL = new McpSchema.JSONRPCRequest(McpSchema.JSONRPC_VERSION,
			"tools/call", 1, Map.of("name", TOOL_NAME, "arguments", Map.of()));

	/** The tool call the SDK makes of the request's parameters. */
	public static final CallToolRequest CALL = new CallToolRequest(TOOL_NAME, Map.of());

	private static final McpTransportContext TRANSPORT_CONTEXT = McpTransportContext.create(Map.of());

	/** (11b) The server's handler calling the bare tool handler: no request layer. */
	public final McpStatelessServerHandler bareServer;

	/** (11) The same handler as the request layer decorates it. */
	public final McpStatelessServerHandler monitoredServer;

	/** (12) The stateless tool-spec wrapper around the bare tool handler. */
	public final BiFunction<McpTransportContext, CallToolRequest, CallToolResult> wrappedTool;

	/** (12) The transport context the request layer handed a tool: it carries the request's record. */
	public final McpTransportContext requestContext;

	/** (13) The request layer's handler calling the tool-spec wrapper, in an application without a tracer. */
	public final McpStatelessServerHandler monitoredServerWithWrappedTool;

	/** (13t) As (13), in an application that traces and samples every request. */
	public final McpStatelessServerHandler tracedServerWithWrappedTool;

	/**
	 * Build both layers over the call-overhead fixture's tool meters.
	 * @param registry the registry of the request layer's meters
	 * @param toolMetrics the metrics the tool-spec wrapper records in
	 * @param tracedObservations the observation registry of an application that traces every request
	 */
	public RequestLayerFixture(MeterRegistry registry, ToolCallMetrics toolMetrics,
			ObservationRegistry tracedObservations) {
		BiFunction<McpTransportContext, CallToolRequest, CallToolResult> bareTool = (context,
				call) -> CallOverheadFixture.SUCCESS;
		ToolSpecificationInstrumenter instrumenter = new ToolSpecificationInstrumenter(
				new ToolCalls(() -> toolMetrics), Duration.ofSeconds(10));
		this.wrappedTool = instrumenter
			.instrument(McpStatelessServerFeatures.SyncToolSpecification.builder()
				.tool(CallOverheadFixture.tool(TOOL_NAME))
				.callHandler(bareTool)
				.build())
			.callHandler();
		McpRequestMetrics untraced = requestMetrics(registry, toolMetrics, null);
		this.bareServer = server(bareTool);
		this.monitoredServer = decorate(server(bareTool), untraced);
		this.monitoredServerWithWrappedTool = decorate(server(this.wrappedTool), untraced);
		this.tracedServerWithWrappedTool = decorate(server(this.wrappedTool), requestMetrics(registry, toolMetrics,
				new RequestObserver(new McpRequestObservations(tracedObservations), tracedObservations, null, null, true)));
		AtomicReference<McpTransportContext> seen = new AtomicReference<>();
		handle(decorate(server((context, call) -> {
			seen.set(context);
			return CallOverheadFixture.SUCCESS;
		}), untraced));
		this.requestContext = seen.get();
	}

	/**
	 * Handle {@link #TOOLS_CALL} as the stateless HTTP transport does.
	 * @param server the server's handler
	 * @return the response
	 */
	public static McpSchema.JSONRPCResponse handle(McpStatelessServerHandler server) {
		return server.handleRequest(TRANSPORT_CONTEXT, TOOLS_CALL)
			.contextWrite((reactorContext) -> reactorContext.put(McpTransportContext.KEY, TRANSPORT_CONTEXT))
			.block();
	}

	private static McpRequestMetrics requestMetrics(MeterRegistry registry, ToolCallMetrics toolMetrics,
			RequestObserver observer) {
		return new McpRequestMetrics(registry, toolMetrics.operationTags(), toolMetrics::isRegisteredTool,
				(uri) -> null, false, List.of(), observer);
	}

	/** The SDK's dispatch of a tools/call, reduced to what reaches the tool: the transport context and the call. */
	private static McpStatelessServerHandler server(
			BiFunction<McpTransportContext, CallToolRequest, CallToolResult> tool) {
		return new McpStatelessServerHandler() {

			@Override
			public Mono<McpSchema.JSONRPCResponse> handleRequest(McpTransportContext transportContext,
					McpSchema.JSONRPCRequest request) {
				return Mono.fromCallable(() -> tool.apply(transportContext, CALL))
					.map((result) -> new McpSchema.JSONRPCResponse(McpSchema.JSONRPC_VERSION, request.id(), result,
							null));
			}

			@Override
			public Mono<Void> handleNotification(McpTransportContext transportContext,
					McpSchema.JSONRPCNotification notification) {
				return Mono.empty();
			}

		};
	}

	/** The handler the request layer's decorator hands the transport. */
	private static McpStatelessServerHandler decorate(McpStatelessServerHandler server, McpRequestMetrics metrics) {
		HandlerCapture transport = new HandlerCapture();
		new MonitoredStatelessServerTransport(transport, metrics, McpTransports.TCP).setMcpHandler(server);
		return transport.handler;
	}

	/** A transport that keeps the handler the server sets. */
	private static final class HandlerCapture implements McpStatelessServerTransport {

		private McpStatelessServerHandler handler;

		@Override
		public void setMcpHandler(McpStatelessServerHandler mcpHandler) {
			this.handler = mcpHandler;
		}

		@Override
		public Mono<Void> closeGracefully() {
			return Mono.empty();
		}

	}

}
