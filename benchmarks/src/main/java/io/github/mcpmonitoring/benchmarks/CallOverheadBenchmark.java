package io.github.mcpmonitoring.benchmarks;

import java.util.concurrent.TimeUnit;

import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCMessage;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of one call, in ns/op, of a trivial method or tool handler, bare and under each way of timing it. The
 * numbers are the items of the benchmarks issue; read them as ratios to each other, never alone.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 3, jvmArgsAppend = { "-Xms512m", "-Xmx512m" })
public class CallOverheadBenchmark {

	private CallOverheadFixture fixture;

	private TracedApiCallFixture traced;

	private RequestLayerFixture requests;

	private StreamableRequestFixture streamable;

	private String x = "arg";

	/** Build the proxies, handlers and registries. */
	@Setup
	public void setUp() {
		this.fixture = new CallOverheadFixture();
		this.traced = new TracedApiCallFixture(this.fixture.registry);
		this.requests = new RequestLayerFixture(this.fixture.registry, this.fixture.toolMetrics,
				this.traced.observations);
		this.streamable = new StreamableRequestFixture(this.fixture.registry, this.fixture.toolMetrics,
				this.fixture.bareHandler);
	}

	/** Stop the fixture's sampling of calls in flight. */
	@TearDown
	public void tearDown() {
		this.fixture.close();
	}

	/** (1) A plain method call. */
	@Benchmark
	public String b01_plainCall() {
		return this.fixture.plain.work(this.x);
	}

	/** (2) The same method behind a Spring AOP (CGLIB) proxy whose advisor only proceeds. */
	@Benchmark
	public String b02_noopProxy() {
		return this.fixture.noopProxy.work(this.x);
	}

	/** (3) The floor: that proxy plus a pre-resolved timer recorded with two {@code System.nanoTime()} reads. */
	@Benchmark
	public String b03_floorProxyTimer() {
		return this.fixture.floorProxy.work(this.x);
	}

	/** (4) Micrometer's {@code @Timed} with {@code TimedAspect}. */
	@Benchmark
	public String b04_timedAspect() {
		return this.fixture.timedAspectProxy.timedWork(this.x);
	}

	/** (5) {@code @MonitoredTool}, recording the call itself (no MCP-layer instrumentation around it). */
	@Benchmark
	public String b05_monitoredTool() {
		return this.fixture.monitoredProxy.toolWork(this.x);
	}

	/**
	 * (5n) As (5), with the in-flight meter ({@code mcp.server.operation.active}) denied by a meter filter, as
	 * {@code management.metrics.enable.mcp.server.operation.active=false} does: no in-flight sample is started.
	 */
	@Benchmark
	public String b05n_monitoredToolWithoutInFlight() {
		return this.fixture.monitoredProxyWithoutInFlight.toolWork(this.x);
	}

	/** (6) {@code @MonitoredApiCall}. */
	@Benchmark
	public String b06_monitoredApiCall() {
		return this.fixture.monitoredProxy.apiWork(this.x);
	}

	/**
	 * (6t) {@code @MonitoredApiCall} in an application that traces and samples every call: each call is also a span
	 * (Micrometer Tracing over the OpenTelemetry SDK, spans dropped by the exporter).
	 */
	@Benchmark
	public String b06t_monitoredApiCallTraced() {
		return this.traced.tracedProxy.apiWork(this.x);
	}

	/** (7) The tool-spec wrapper around a trivial handler. */
	@Benchmark
	public CallToolResult b07_toolSpecWrapper() {
		return this.fixture.wrappedHandler.apply(null, CallOverheadFixture.REQUEST);
	}

	/** (7b) The bare trivial handler. */
	@Benchmark
	public CallToolResult b07b_bareHandler() {
		return this.fixture.bareHandler.apply(null, CallOverheadFixture.REQUEST);
	}

	/** (7n) As (7), with the in-flight meter denied by a meter filter. */
	@Benchmark
	public CallToolResult b07n_toolSpecWrapperWithoutInFlight() {
		return this.fixture.wrappedHandlerWithoutInFlight.apply(null, CallOverheadFixture.REQUEST);
	}

	/** (7s) As (7), with the size of the result recorded in the tool's {@code mcp.server.tool.result.size}. */
	@Benchmark
	public CallToolResult b07s_toolSpecWrapperWithResultSize() {
		return this.fixture.wrappedHandlerWithResultSize.apply(null, CallOverheadFixture.REQUEST);
	}

	/**
	 * (10) The in-flight meter's own sample: start and stop a sample of the tool's
	 * {@code mcp.server.operation.active} long-task timer, which an asynchronous call takes once; the calls of (5)
	 * and (7), which end on their own thread, are found by sampling instead.
	 */
	@Benchmark
	public long b10_inFlightSampleAlone() {
		return this.fixture.inFlightMeter.start().stop();
	}

	/** (8) A call seen by both: the wrapped handler calls a {@code @MonitoredTool} method through the advisor. */
	@Benchmark
	public CallToolResult b08_wrapperAndAnnotation() {
		return this.fixture.wrappedHandlerCallingAnnotated.apply(null, CallOverheadFixture.REQUEST);
	}

	/** (9a) Baseline of the exception paths: the no-op proxy around a method that throws. */
	@Benchmark
	public String b09a_noopProxyThrows() {
		try {
			return this.fixture.noopProxy.failingWork(this.x);
		}
		catch (BenchmarkTools.BenchmarkFailure ex) {
			return null;
		}
	}

	/** (9b) A {@code @MonitoredTool} method that throws. */
	@Benchmark
	public String b09b_monitoredToolThrows() {
		try {
			return this.fixture.monitoredProxy.failingToolWork(this.x);
		}
		catch (BenchmarkTools.BenchmarkFailure ex) {
			return null;
		}
	}

	/** (9c) A {@code @MonitoredApiCall} method that throws. */
	@Benchmark
	public String b09c_monitoredApiCallThrows() {
		try {
			return this.fixture.monitoredProxy.failingApiWork(this.x);
		}
		catch (BenchmarkTools.BenchmarkFailure ex) {
			return null;
		}
	}

	/** (9d) The wrapper around a handler that returns an {@code isError} result ({@code error.type=tool_error}). */
	@Benchmark
	public CallToolResult b09d_wrapperIsErrorResult() {
		return this.fixture.wrappedErrorHandler.apply(null, CallOverheadFixture.REQUEST);
	}

	/**
	 * (9e) Both, failing: the wrapped handler calls a {@code @MonitoredTool} method that throws and turns the exception
	 * into an {@code isError} result, as Spring AI does ({@code error.type} is the exception's class name).
	 */
	@Benchmark
	public CallToolResult b09e_wrapperAndAnnotationThrows() {
		return this.fixture.wrappedHandlerCallingFailing.apply(null, CallOverheadFixture.REQUEST);
	}

	/**
	 * (11b) A {@code tools/call} request handled by a stateless server's handler, driven as the HTTP transport drives
	 * it, with a bare tool handler: no request layer.
	 */
	@Benchmark
	public JSONRPCResponse b11b_requestBare() {
		return RequestLayerFixture.handle(this.requests.bareServer);
	}

	/** (11) The same request through the request layer's decorator of the stateless transport's handler. */
	@Benchmark
	public JSONRPCResponse b11_requestLayer() {
		return RequestLayerFixture.handle(this.requests.monitoredServer);
	}

	/**
	 * (12) The tool-spec wrapper called with the transport context the request layer hands a tool: it reads the
	 * request's record, takes its connection and puts the tool and session into the MDC. (7) without the record.
	 */
	@Benchmark
	public CallToolResult b12_toolSpecWrapperInRequest() {
		return this.requests.wrappedTool.apply(this.requests.requestContext, RequestLayerFixture.CALL);
	}

	/** (13) A {@code tools/call} request through both layers, in an application without a tracer. */
	@Benchmark
	public JSONRPCResponse b13_toolCallBothLayers() {
		return RequestLayerFixture.handle(this.requests.monitoredServerWithWrappedTool);
	}

	/**
	 * (13t) As (13), in an application that traces and samples every request: the request layer starts and stops the
	 * request's span, and the tool runs in its scope (Micrometer Tracing over the OpenTelemetry SDK, spans dropped by
	 * the exporter).
	 */
	@Benchmark
	public JSONRPCResponse b13t_toolCallBothLayersTraced() {
		return RequestLayerFixture.handle(this.requests.tracedServerWithWrappedTool);
	}

	/**
	 * (14b) A {@code tools/call} request answered by a streamable HTTP session of the MCP SDK, driven as the transport
	 * drives it, with a bare tool handler: no request layer.
	 */
	@Benchmark
	public JSONRPCMessage b14b_streamableRequestBare() {
		return StreamableRequestFixture.handle(this.streamable.bareSession);
	}

	/** (14) The same request in the session the request layer's provider decorates. */
	@Benchmark
	public JSONRPCMessage b14_streamableRequestLayer() {
		return StreamableRequestFixture.handle(this.streamable.monitoredSession);
	}

}
