package io.github.mcpmonitoring.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

import io.github.mcpmonitoring.core.CallFailureListener;
import io.github.mcpmonitoring.annotation.MonitoredMethodInterceptor;
import io.github.mcpmonitoring.annotation.MonitoredMethodPointcut;
import io.github.mcpmonitoring.core.ApiCallMetrics;
import io.github.mcpmonitoring.core.ErrorTypeCardinalityFilter;
import io.github.mcpmonitoring.core.InFlightCalls;
import io.github.mcpmonitoring.core.McpMeterNames;
import io.github.mcpmonitoring.core.MonitoringScheduler;
import io.github.mcpmonitoring.core.ToolCallMetrics;
import io.github.mcpmonitoring.errors.MessageRedactor;
import io.github.mcpmonitoring.errors.RecentErrors;
import io.github.mcpmonitoring.failures.DefaultFailureClassifier;
import io.github.mcpmonitoring.mcp.ToolResultSizes;
import io.github.mcpmonitoring.mcp.ToolSpecificationInstrumenter;
import io.github.mcpmonitoring.toolcall.ToolCalls;
import io.micrometer.core.aop.TimedAspect;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import org.aopalliance.intercept.MethodInterceptor;

import org.springframework.aop.Pointcut;
import org.springframework.aop.aspectj.annotation.AspectJProxyFactory;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.DefaultPointcutAdvisor;

/**
 * Everything the call-overhead benchmarks call, built the way the starter's auto-configuration builds it, on a
 * {@link PrometheusMeterRegistry} (what users scrape). Kept apart from JMH so that a unit test can check that each
 * benchmark records what it claims to. Calls in flight are sampled every 100 ms, as the starter does by default;
 * {@link #close() close} the fixture to stop the sampling.
 */
public final class CallOverheadFixture implements AutoCloseable {

	/** Name of the tool the tool-spec wrapper instruments. */
	public static final String TOOL_NAME = "bench_tool";

	/** Name of the tool whose wrapper also records the size of its results. */
	public static final String SIZED_TOOL_NAME = "bench_sized_tool";

	/** The result of a successful tool call, shared so that the handlers allocate nothing. */
	public static final CallToolResult SUCCESS = CallToolResult.builder().addTextContent("ok").isError(false).build();

	/** The error result of a tool call, shared so that the handlers allocate nothing. */
	public static final CallToolResult ERROR = CallToolResult.builder()
		.addTextContent("benchmark failure")
		.isError(true)
		.build();

	/** The request every handler receives. */
	public static final CallToolRequest REQUEST = new CallToolRequest(TOOL_NAME, java.util.Map.of());

	private static final Duration TOOL_SLOW_THRESHOLD = Duration.ofSeconds(10);

	private static final Duration API_SLOW_THRESHOLD = Duration.ofSeconds(5);

	/** The in-flight sampling interval, the starter's default. */
	public static final Duration IN_FLIGHT_SAMPLING_INTERVAL = Duration.ofMillis(100);

	/** How the starter counts tool calls in flight by default. */
	public final InFlightCalls inFlightCalls = new InFlightCalls();

	private final MonitoringScheduler scheduler = new MonitoringScheduler(1);

	/** The registry of every meter except those of the "no in-flight meter" variants. */
	public final PrometheusMeterRegistry registry = newRegistry(false);

	/** A registry that denies {@code mcp.server.operation.active}: the starter's code without its in-flight meter. */
	public final PrometheusMeterRegistry registryWithoutInFlight = newRegistry(true);

	/** (1) The bare target. */
	public final BenchmarkTools plain = new BenchmarkTools();

	/** (2) Behind a Spring AOP proxy whose only advisor proceeds. */
	public final BenchmarkTools noopProxy;

	/** (3) Behind a proxy whose advisor records a pre-resolved timer with two {@code System.nanoTime()} reads. */
	public final BenchmarkTools floorProxy;

	/** (4) Behind Micrometer's {@code TimedAspect}. */
	public final BenchmarkTools timedAspectProxy;

	/** (5), (6), (9) Behind the starter's advisor, tool calls not recorded at the MCP layer. */
	public final BenchmarkTools monitoredProxy;

	/** (5n) As (5) with the in-flight meter denied. */
	public final BenchmarkTools monitoredProxyWithoutInFlight;

	/** (7b) A trivial tool handler. */
	public final BiFunction<McpSyncServerExchange, CallToolRequest, CallToolResult> bareHandler;

	/** (7) The trivial handler as the tool-spec instrumentation wraps it. */
	public final BiFunction<McpSyncServerExchange, CallToolRequest, CallToolResult> wrappedHandler;

	/** (7n) As (7) with the in-flight meter denied. */
	public final BiFunction<McpSyncServerExchange, CallToolRequest, CallToolResult> wrappedHandlerWithoutInFlight;

	/** (7s) As (7) with the size of each result recorded ({@code mcp.server.tool.result.size}). */
	public final BiFunction<McpSyncServerExchange, CallToolRequest, CallToolResult> wrappedHandlerWithResultSize;

	/** (10) The in-flight meter alone: the long-task timer the starter registers per tool, in the same registry. */
	public final LongTaskTimer inFlightMeter;

	/** (8) A wrapped handler that calls a {@code @MonitoredTool} method through the starter's advisor. */
	public final BiFunction<McpSyncServerExchange, CallToolRequest, CallToolResult> wrappedHandlerCallingAnnotated;

	/** (9) A wrapped handler that returns an error result. */
	public final BiFunction<McpSyncServerExchange, CallToolRequest, CallToolResult> wrappedErrorHandler;

	/**
	 * (9) A wrapped handler that calls a failing {@code @MonitoredTool} method and turns the exception into an error
	 * result, as Spring AI's tool callbacks do.
	 */
	public final BiFunction<McpSyncServerExchange, CallToolRequest, CallToolResult> wrappedHandlerCallingFailing;

	/** The recent-errors buffer failed calls are kept in. */
	public final RecentErrors recentErrors;

	/** The metrics the starter records tool calls in. */
	public final ToolCallMetrics toolMetrics;

	/** The metrics the starter records upstream API calls in. */
	public final ApiCallMetrics apiMetrics;

	/** Create the fixture. */
	public CallOverheadFixture() {
		// Failed calls go to the recent-errors buffer, with the starter's defaults, as in an application.
		this.recentErrors = new RecentErrors(1000, new MessageRedactor(List.of(), 200));
		this.toolMetrics = new ToolCallMetrics(this.registry, Duration.ofMinutes(1), this.recentErrors,
				this.inFlightCalls, new DefaultFailureClassifier());
		this.scheduler.scheduleWithFixedDelay("sampling of tool calls in flight", this.inFlightCalls::sample,
				IN_FLIGHT_SAMPLING_INTERVAL);
		this.apiMetrics = new ApiCallMetrics(this.registry, Duration.ofMinutes(1), this.recentErrors,
				new DefaultFailureClassifier());
		this.noopProxy = proxy(new DefaultPointcutAdvisor(Pointcut.TRUE, (MethodInterceptor) (i) -> i.proceed()));
		this.floorProxy = proxy(new DefaultPointcutAdvisor(Pointcut.TRUE, floorInterceptor()));
		this.timedAspectProxy = timedAspectProxy();
		this.monitoredProxy = monitoredProxy(this.toolMetrics, this.apiMetrics, null);
		ToolCallMetrics toolMetricsWithoutInFlight = new ToolCallMetrics(this.registryWithoutInFlight,
				Duration.ofMinutes(1), CallFailureListener.NONE, new InFlightCalls(), new DefaultFailureClassifier());
		this.monitoredProxyWithoutInFlight = monitoredProxy(toolMetricsWithoutInFlight,
				new ApiCallMetrics(this.registryWithoutInFlight, Duration.ofMinutes(1),
						CallFailureListener.NONE, new DefaultFailureClassifier()), null);

		this.bareHandler = (exchange, request) -> SUCCESS;
		ToolCallMetrics toolMetrics = this.toolMetrics;
		ToolCalls toolCalls = new ToolCalls(() -> toolMetrics);
		ToolSpecificationInstrumenter instrumenter = new ToolSpecificationInstrumenter(toolCalls, TOOL_SLOW_THRESHOLD);
		this.wrappedHandler = wrap(instrumenter, TOOL_NAME, this.bareHandler);
		this.wrappedHandlerWithoutInFlight = wrap(
				new ToolSpecificationInstrumenter(new ToolCalls(() -> toolMetricsWithoutInFlight), TOOL_SLOW_THRESHOLD),
				TOOL_NAME, this.bareHandler);
		this.wrappedHandlerWithResultSize = wrap(new ToolSpecificationInstrumenter(toolCalls, TOOL_SLOW_THRESHOLD,
				List.of(), new ToolResultSizes(this.registry)), SIZED_TOOL_NAME, this.bareHandler);
		this.toolMetrics.recorder("bench_in_flight_tool");
		this.inFlightMeter = this.registry.get("mcp.server.operation.active")
			.tag("gen_ai.tool.name", "bench_in_flight_tool")
			.longTaskTimer();
		this.wrappedErrorHandler = wrap(instrumenter, "bench_error_tool", (exchange, request) -> ERROR);

		// The exactly-once path: the interceptor knows that tool calls are recorded at the MCP layer.
		BenchmarkTools annotatedUnderWrapper = monitoredProxy(this.toolMetrics, this.apiMetrics, toolCalls);
		this.wrappedHandlerCallingAnnotated = wrap(instrumenter, "bench_annotated_tool",
				(exchange, request) -> (annotatedUnderWrapper.refiningToolWork(request.name()) != null) ? SUCCESS
						: ERROR);
		this.wrappedHandlerCallingFailing = wrap(instrumenter, "bench_failing_annotated_tool", (exchange, request) -> {
			try {
				annotatedUnderWrapper.failingRefiningToolWork(request.name());
				return SUCCESS;
			}
			catch (RuntimeException ex) {
				return ERROR;
			}
		});
	}

	/** Stop sampling the calls in flight. */
	@Override
	public void close() {
		this.scheduler.close();
	}

	private static PrometheusMeterRegistry newRegistry(boolean denyInFlight) {
		PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		if (denyInFlight) {
			registry.config().meterFilter(MeterFilter.denyNameStartsWith(McpMeterNames.OPERATION_ACTIVE));
		}
		// As the starter's auto-configuration does.
		registry.config().meterFilter(new ErrorTypeCardinalityFilter(50));
		// @Timed gets the starter's buckets the usual Boot way (management.metrics.distribution.slo.*), for a fair
		// comparison.
		registry.config().meterFilter(new MeterFilter() {
			@Override
			public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
				if (!id.getName().equals("bench.timed")) {
					return config;
				}
				return DistributionStatisticConfig.builder()
					.serviceLevelObjectives(McpMeterNames.DURATION_BUCKETS.stream()
						.mapToDouble((bucket) -> (double) bucket.toNanos())
						.toArray())
					.build()
					.merge(config);
			}
		});
		return registry;
	}

	private static BenchmarkTools proxy(DefaultPointcutAdvisor advisor) {
		ProxyFactory factory = new ProxyFactory(new BenchmarkTools());
		factory.setProxyTargetClass(true);
		factory.addAdvisor(advisor);
		return (BenchmarkTools) factory.getProxy();
	}

	private MethodInterceptor floorInterceptor() {
		Timer timer = Timer.builder("bench.floor")
			.tag(McpMeterNames.TAG_METHOD, McpMeterNames.METHOD_TOOLS_CALL)
			.tag(McpMeterNames.TAG_TOOL, "bench_floor")
			.tag(McpMeterNames.TAG_ERROR_TYPE, "none")
			.serviceLevelObjectives(McpMeterNames.DURATION_BUCKETS.toArray(new Duration[0]))
			.register(this.registry);
		return (invocation) -> {
			long start = System.nanoTime();
			try {
				return invocation.proceed();
			}
			finally {
				timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
			}
		};
	}

	private BenchmarkTools timedAspectProxy() {
		AspectJProxyFactory factory = new AspectJProxyFactory(new BenchmarkTools());
		factory.setProxyTargetClass(true);
		factory.addAspect(new TimedAspect(this.registry));
		return factory.getProxy();
	}

	private static BenchmarkTools monitoredProxy(ToolCallMetrics toolMetrics, ApiCallMetrics apiMetrics,
			ToolCalls toolCalls) {
		MonitoredMethodInterceptor interceptor = new MonitoredMethodInterceptor(() -> toolMetrics, () -> apiMetrics,
				toolCalls, TOOL_SLOW_THRESHOLD, API_SLOW_THRESHOLD, true);
		return proxy(new DefaultPointcutAdvisor(new MonitoredMethodPointcut(interceptor), interceptor));
	}

	private static BiFunction<McpSyncServerExchange, CallToolRequest, CallToolResult> wrap(
			ToolSpecificationInstrumenter instrumenter, String toolName,
			BiFunction<McpSyncServerExchange, CallToolRequest, CallToolResult> handler) {
		SyncToolSpecification spec = SyncToolSpecification.builder().tool(tool(toolName)).callHandler(handler).build();
		return instrumenter.instrument(spec).callHandler();
	}

	/** The definition of a benchmark tool without arguments. */
	static McpSchema.Tool tool(String toolName) {
		return McpSchema.Tool.builder()
			.name(toolName)
			.description("benchmark tool")
			.inputSchema(new McpSchema.JsonSchema("object", java.util.Map.of(), List.of(), false, null,
					null))
			.build();
	}

}
