package io.github.mcpmonitoring.annotation;

import java.io.IOException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import io.github.mcpmonitoring.core.ApiCallMetrics;
import io.github.mcpmonitoring.core.BrokenMeterRegistry;
import io.github.mcpmonitoring.core.CallFailureListener;
import io.github.mcpmonitoring.core.InFlightCalls;
import io.github.mcpmonitoring.core.McpMeterNames;
import io.github.mcpmonitoring.core.ToolCallMetrics;
import io.github.mcpmonitoring.failures.DefaultFailureClassifier;
import io.github.mcpmonitoring.toolcall.ServerTool;
import io.github.mcpmonitoring.toolcall.ToolCalls;
import io.github.mcpmonitoring.toolcall.ToolInvocation;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springaicommunity.mcp.annotation.McpTool;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

import org.springframework.ai.tool.annotation.Tool;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link MonitoredMethodInterceptor} on {@link MonitoredTool @MonitoredTool} methods and on framework tool
 * methods ({@code @Tool}, {@code @McpTool}).
 */
@ExtendWith(OutputCaptureExtension.class)
class MonitoredToolTests {

	private final MockClock clock = new MockClock();

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, this.clock);

	/** As configured when tool calls are not recorded at the MCP layer. */
	private final Tools target = new Tools(this.clock);

	private final Tools standalone = proxy(this.target, interceptor(this.registry, null));

	/** The metrics of the MCP layer, which registers the tools it records. */
	private final ToolCallMetrics mcpLayerMetrics = new ToolCallMetrics(this.registry, Duration.ofMinutes(1),
			CallFailureListener.NONE, new InFlightCalls(), new DefaultFailureClassifier());

	/** Where the MCP layer and the tool methods count each call once. */
	private final ToolCalls toolCalls = new ToolCalls(() -> this.mcpLayerMetrics);

	private final MonitoredMethodInterceptor mcpLayerInterceptor = new MonitoredMethodInterceptor(
			() -> this.mcpLayerMetrics, MonitoredToolTests::noApiMetrics, this.toolCalls, Duration.ofSeconds(10),
			Duration.ofSeconds(5), true);

	/** As configured when tool calls are recorded at the MCP layer. */
	private final Tools withMcpLayer = proxy(new Tools(this.clock), this.mcpLayerInterceptor);

	@AfterEach
	void noInvocationLeaks() {
		assertThat(ToolInvocation.current()).isNull();
	}

	@Test
	void recordsUnderTheAnnotationName() {
		assertThat(this.standalone.named()).isEqualTo("named");
		assertThat(durationCount("media_lookup", "none")).isEqualTo(1);
		assertThat(totalToolCalls()).isEqualTo(1);
		assertThat(this.registry.get(McpMeterNames.OPERATION_DURATION)
			.tag("gen_ai.tool.name", "media_lookup")
			.tag("error.type", "none")
			.tag("mcp.method.name", "tools/call")
			.timer()
			.count()).isEqualTo(1);
	}

	@Test
	void exceptionWhoseMessageThrowsPassesThroughUnchanged() {
		RuntimeException failure = new RuntimeException() {

			@Override
			public String getMessage() {
				throw new IllegalStateException("no message");
			}

		};
		assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> this.standalone.failUnchecked(failure))
			.isSameAs(failure);
		assertThat(totalToolCalls()).isEqualTo(1);
	}

	@Test
	void recordsUnderTheMethodNameWhenTheAnnotationHasNone() {
		this.standalone.plain();
		assertThat(durationCount("plain", "none")).isEqualTo(1);
		assertThat(totalToolCalls()).isEqualTo(1);
	}

	@Test
	void recordsUnderTheSpringAiToolNameWhenToolCallsAreNotRecordedAtTheMcpLayer() {
		this.standalone.springTool();
		this.standalone.springToolWithoutName();
		assertThat(durationCount("get_media_entry", "none")).isEqualTo(1);
		assertThat(durationCount("springToolWithoutName", "none")).isEqualTo(1);
		assertThat(totalToolCalls()).isEqualTo(2);
	}

	@Test
	void recordsUnderTheMcpToolNameWhenToolCallsAreNotRecordedAtTheMcpLayer() {
		this.standalone.mcpTool();
		assertThat(durationCount("list_categories", "none")).isEqualTo(1);
		assertThat(totalToolCalls()).isEqualTo(1);
	}

	@Test
	void annotationNameWinsOverTheSpringAiToolName() {
		this.standalone.springToolRenamed();
		assertThat(durationCount("renamed", "none")).isEqualTo(1);
		assertThat(totalToolCalls()).isEqualTo(1);
	}

	@Test
	void springAiToolMethodWithoutMonitoredToolIsNotAdvisedWhenToolCallsAreNotRecordedAtTheMcpLayer()
			throws Exception {
		Method method = Tools.class.getMethod("onlySpringTool");
		assertThat(new MonitoredMethodPointcut(interceptor(this.registry, null)).matches(method, Tools.class))
			.isFalse();
		assertThat(this.standalone.onlySpringTool()).isEqualTo("only");
		assertThat(totalToolCalls()).isZero();
	}

	@Test
	void frameworkToolMethodCalledOutsideAToolCallIsNotRecordedWhenTheMcpLayerRecordsItsTool() {
		this.mcpLayerMetrics.registerTool("only_spring_tool");
		this.mcpLayerMetrics.registerTool("get_media_entry");
		this.mcpLayerMetrics.registerTool("rename_me");
		this.mcpLayerMetrics.registerTool("list_categories");
		assertThat(this.withMcpLayer.onlySpringTool()).isEqualTo("only");
		assertThat(this.withMcpLayer.springTool()).isEqualTo("spring");
		assertThat(this.withMcpLayer.springToolRenamed()).isEqualTo("renamed");
		assertThat(this.withMcpLayer.mcpTool()).isEqualTo("mcp");
		assertThat(totalToolCalls()).isZero();
	}

	@Test
	void frameworkToolMethodWithMonitoredToolRecordsItselfWhenTheMcpLayerDoesNotRecordItsTool() {
		this.mcpLayerMetrics.registerTool("get_media_entry");
		assertThat(this.withMcpLayer.onlySpringTool()).isEqualTo("only");
		assertThat(this.withMcpLayer.springTool()).isEqualTo("spring");
		assertThat(this.withMcpLayer.springToolRenamed()).isEqualTo("renamed");
		assertThat(this.withMcpLayer.mcpTool()).isEqualTo("mcp");
		assertThat(durationCount("renamed", "none")).isEqualTo(1);
		assertThat(durationCount("list_categories", "none")).isEqualTo(1);
		assertThat(totalToolCalls()).isEqualTo(2);
	}

	@Test
	void monitoredToolWithoutFrameworkAnnotationRecordsItselfEvenWhenTheMcpLayerRecords() {
		this.withMcpLayer.named();
		assertThat(durationCount("media_lookup", "none")).isEqualTo(1);
		assertThat(totalToolCalls()).isEqualTo(1);
	}

	@Test
	void registersWhatTheAnnotationSaysAboutAFrameworkToolWhenItsBeanIsInitialisedNotWhenItIsProxied() {
		assertThat(AopUtils.isAopProxy(this.withMcpLayer)).isTrue();
		callThroughTheMcpLayer(this.toolCalls.serverTool("rename_me", 1), Duration.ofSeconds(1));
		assertThat(durationCount("rename_me", "none")).isEqualTo(1);
		new ToolRefinementsPostProcessor(this.mcpLayerInterceptor)
			.postProcessBeforeInitialization(new Tools(this.clock), "tools");
		ServerTool renamed = this.toolCalls.serverTool("rename_me", 1);
		callThroughTheMcpLayer(renamed, Duration.ofSeconds(2));
		assertThat(durationCount("renamed", "none")).isEqualTo(1);
		assertThat(slowCount("renamed")).isZero();
		callThroughTheMcpLayer(renamed, Duration.ofSeconds(2).plusNanos(1));
		assertThat(slowCount("renamed")).isEqualTo(1);
		callThroughTheMcpLayer(this.toolCalls.serverTool("get_media_entry", 1), Duration.ofNanos(2));
		assertThat(durationCount("get_media_entry", "none")).isEqualTo(1);
		assertThat(slowCount("get_media_entry")).isEqualTo(1);
	}

	private void callThroughTheMcpLayer(ServerTool tool, Duration duration) {
		ToolInvocation invocation = tool.open();
		long startTime = tool.monotonicTime();
		this.clock.add(duration);
		invocation.finish(startTime, null, CallToolResult.builder().build(), null);
	}

	@Test
	void recordsExceptionTypeAndRethrowsTheSameException() {
		IOException failure = new IOException("boom");
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> this.standalone.fail(failure)).isSameAs(failure);
		assertThat(durationCount("fail", "IOException")).isEqualTo(1);
		assertThat(totalToolCalls()).isEqualTo(1);
	}

	@Test
	void recordsAnErrorResultAsToolErrorAndReturnsItUnchanged() {
		CallToolResult error = CallToolResult.builder().addTextContent("no such entry").isError(true).build();
		assertThat(this.standalone.result(error)).isSameAs(error);
		CallToolResult ok = CallToolResult.builder().addTextContent("fine").build();
		assertThat(this.standalone.result(ok)).isSameAs(ok);
		assertThat(durationCount("result", "tool_error")).isEqualTo(1);
		assertThat(durationCount("result", "none")).isEqualTo(1);
		assertThat(totalToolCalls()).isEqualTo(2);
	}

	@Test
	void countsACallOverTheAnnotationThresholdAsSlow() {
		this.standalone.slow(Duration.ofMillis(50));
		assertThat(slowCount("slow")).isZero();
		this.standalone.slow(Duration.ofMillis(51));
		assertThat(slowCount("slow")).isEqualTo(1);
	}

	@Test
	void countsACallOverTheDefaultThresholdAsSlow() {
		this.standalone.slowDefault(Duration.ofSeconds(10));
		assertThat(slowCount("slowDefault")).isZero();
		this.standalone.slowDefault(Duration.ofSeconds(11));
		assertThat(slowCount("slowDefault")).isEqualTo(1);
	}

	@Test
	void timesACompletionStageUntilItCompletes() {
		CompletableFuture<String> future = new CompletableFuture<>();
		this.target.pending = future;
		assertThat(this.standalone.async()).isSameAs(future);
		assertThat(this.registry.get(McpMeterNames.OPERATION_ACTIVE).tag("gen_ai.tool.name", "async")
			.longTaskTimer()
			.activeTasks()).isEqualTo(1);
		assertThat(totalToolCalls()).isZero();
		future.complete("done");
		assertThat(durationCount("async", "none")).isEqualTo(1);
		assertThat(totalToolCalls()).isEqualTo(1);
		assertThat(this.registry.get(McpMeterNames.OPERATION_ACTIVE).tag("gen_ai.tool.name", "async")
			.longTaskTimer()
			.activeTasks()).isZero();
	}

	@Test
	void countsACallThatCompletesLaterFromItsStartWhenCallsInFlightAreSampled() {
		ToolCallMetrics metrics = new ToolCallMetrics(this.registry, Duration.ofMinutes(1), CallFailureListener.NONE,
				new InFlightCalls(), new DefaultFailureClassifier());
		Tools sampled = proxy(this.target, new MonitoredMethodInterceptor(() -> metrics,
				MonitoredToolTests::noApiMetrics, null, Duration.ofSeconds(10), Duration.ofSeconds(5), true));
		CompletableFuture<String> future = new CompletableFuture<>();
		this.target.pending = future;
		assertThat(sampled.async()).isSameAs(future);
		assertThat(this.registry.get(McpMeterNames.OPERATION_ACTIVE).tag("gen_ai.tool.name", "async")
			.longTaskTimer()
			.activeTasks()).isEqualTo(1);
		future.complete("done");
		assertThat(durationCount("async", "none")).isEqualTo(1);
		assertThat(this.registry.get(McpMeterNames.OPERATION_ACTIVE).tag("gen_ai.tool.name", "async")
			.longTaskTimer()
			.activeTasks()).isZero();
	}

	@Test
	void timesAMonoUntilItEmitsAndReadsAnErrorResult() {
		Sinks.One<CallToolResult> sink = Sinks.one();
		this.target.pendingMono = sink.asMono();
		CallToolResult error = CallToolResult.builder().addTextContent("failed").isError(true).build();
		StepVerifier.create(this.standalone.mono())
			.then(() -> assertThat(totalToolCalls()).isZero())
			.then(() -> sink.tryEmitValue(error))
			.expectNext(error)
			.verifyComplete();
		assertThat(durationCount("mono", "tool_error")).isEqualTo(1);
		assertThat(totalToolCalls()).isEqualTo(1);
	}

	@Test
	void timesAMonoFromItsSubscriptionAndCountsItInFlightOnlyWhileSubscribed() {
		this.target.pendingMono = Mono.fromCallable(() -> {
			this.clock.add(Duration.ofSeconds(1));
			return CallToolResult.builder().build();
		});
		Mono<CallToolResult> mono = this.standalone.mono();
		assertThat(activeCalls("mono")).isZero();
		this.clock.add(Duration.ofSeconds(30));
		assertThat(mono.block()).isNotNull();
		Timer timer = this.registry.get(McpMeterNames.OPERATION_DURATION).tag("gen_ai.tool.name", "mono")
			.tag("error.type", "none")
			.timer();
		assertThat(timer.count()).isEqualTo(1);
		assertThat(timer.totalTime(TimeUnit.SECONDS)).isEqualTo(1.0);
		assertThat(activeCalls("mono")).isZero();
	}

	@Test
	void aMonoThatIsNeverSubscribedToLeavesNoCallInFlight() {
		this.target.pendingMono = Mono.never();
		this.standalone.mono();
		assertThat(activeCalls("mono")).isZero();
		assertThat(totalToolCalls()).isZero();
	}

	@Test
	void insideAToolCallOnlyRefinesItAndNotesTheFailure() {
		ServerTool tool = this.toolCalls.serverTool("get_media_entry", Duration.ofSeconds(10).toNanos());
		ToolInvocation invocation = tool.open();
		long startTime = tool.monotonicTime();
		IOException failure = new IOException();
		try {
			assertThatExceptionOfType(IOException.class).isThrownBy(() -> this.withMcpLayer.failRenamed(failure))
				.isSameAs(failure);
			assertThat(totalToolCalls()).isZero();
			this.clock.add(Duration.ofSeconds(4));
		}
		finally {
			invocation.finish(startTime, null, CallToolResult.builder().isError(true).build(), null);
		}
		assertThat(durationCount("renamed_failure", "IOException")).isEqualTo(1);
		assertThat(totalToolCalls()).isEqualTo(1);
		assertThat(slowCount("renamed_failure")).isEqualTo(1);
	}

	@Test
	void invalidThresholdFailsWhenThePointcutMatchesTheMethod() throws Exception {
		Method method = InvalidTools.class.getMethod("call");
		MonitoredMethodPointcut pointcut = new MonitoredMethodPointcut(interceptor(this.registry, null));
		assertThatIllegalArgumentException().isThrownBy(() -> pointcut.matches(method, InvalidTools.class))
			.withMessageContaining(InvalidTools.class.getName() + ".call")
			.withMessageContaining("'-1s'");
	}

	@Test
	void finalClassesAreLeftAlone() {
		assertThat(new MonitoredMethodPointcut(interceptor(this.registry, null)).getClassFilter()
			.matches(FinalTools.class)).isFalse();
		assertThat(new MonitoredMethodPointcut(interceptor(this.registry, null)).getClassFilter().matches(Tools.class))
			.isTrue();
	}

	@ParameterizedTest
	@MethodSource("io.github.mcpmonitoring.core.BrokenMeterRegistry#all")
	void brokenRegistryNeverChangesResultsOrExceptions(MeterRegistry brokenRegistry, CapturedOutput output) {
		assertCallsUnaffected(brokenRegistry);
		BrokenMeterRegistry.assertRecordingFailureWarnedOnce(output);
	}

	private void assertCallsUnaffected(MeterRegistry brokenRegistry) {
		Tools tools = proxy(new Tools(this.clock), interceptor(brokenRegistry, null));
		for (int i = 0; i < 3; i++) {
			assertThat(tools.named()).isEqualTo("named");
			IOException failure = new IOException();
			assertThatExceptionOfType(IOException.class).isThrownBy(() -> tools.fail(failure)).isSameAs(failure);
			CallToolResult error = CallToolResult.builder().isError(true).build();
			assertThat(tools.result(error)).isSameAs(error);
		}
	}

	private long durationCount(String tool, String errorType) {
		Timer timer = this.registry.find(McpMeterNames.OPERATION_DURATION)
			.tag("gen_ai.tool.name", tool)
			.tag("error.type", errorType)
			.timer();
		assertThat(timer).as("timer of %s with error.type %s", tool, errorType).isNotNull();
		return timer.count();
	}

	private long totalToolCalls() {
		return this.registry.find(McpMeterNames.OPERATION_DURATION).timers().stream().mapToLong(Timer::count).sum();
	}

	private double slowCount(String tool) {
		return this.registry.get(McpMeterNames.OPERATION_SLOW).tag("gen_ai.tool.name", tool).counter().count();
	}

	private int activeCalls(String tool) {
		LongTaskTimer timer = this.registry.find(McpMeterNames.OPERATION_ACTIVE).tag("gen_ai.tool.name", tool)
			.longTaskTimer();
		return (timer != null) ? timer.activeTasks() : 0;
	}

	private static MonitoredMethodInterceptor interceptor(MeterRegistry registry, ToolCalls toolCalls) {
		ToolCallMetrics toolMetrics = new ToolCallMetrics(registry, Duration.ofMinutes(1), CallFailureListener.NONE,
				new InFlightCalls(), new DefaultFailureClassifier());
		return new MonitoredMethodInterceptor(() -> toolMetrics, MonitoredToolTests::noApiMetrics, toolCalls,
				Duration.ofSeconds(10), Duration.ofSeconds(5), true);
	}

	private static ApiCallMetrics noApiMetrics() {
		throw new AssertionError("No API method here: API metrics must not be asked for");
	}

	@SuppressWarnings("unchecked")
	private static <T> T proxy(T target, MonitoredMethodInterceptor interceptor) {
		ProxyFactory proxyFactory = new ProxyFactory(target);
		proxyFactory.setProxyTargetClass(true);
		proxyFactory.addAdvisor(new DefaultPointcutAdvisor(new MonitoredMethodPointcut(interceptor), interceptor));
		return (T) proxyFactory.getProxy();
	}

	public static class Tools {

		private final MockClock clock;

		CompletionStage<String> pending;

		Mono<CallToolResult> pendingMono;

		public Tools(MockClock clock) {
			this.clock = clock;
		}

		@MonitoredTool(name = "media_lookup")
		public String named() {
			return "named";
		}

		@MonitoredTool
		public String plain() {
			return "plain";
		}

		@Tool(name = "get_media_entry", description = "Get a media entry")
		@MonitoredTool
		public String springTool() {
			return "spring";
		}

		@Tool(description = "Without a name")
		@MonitoredTool
		public String springToolWithoutName() {
			return "unnamed";
		}

		@Tool(name = "rename_me", description = "Renamed by the annotation")
		@MonitoredTool(name = "renamed", slowThreshold = "2s")
		public String springToolRenamed() {
			return "renamed";
		}

		@McpTool(name = "list_categories", description = "List categories")
		@MonitoredTool
		public String mcpTool() {
			return "mcp";
		}

		@Tool(name = "only_spring_tool", description = "No monitoring annotation")
		public String onlySpringTool() {
			return "only";
		}

		@MonitoredTool
		public String fail(IOException failure) throws IOException {
			throw failure;
		}

		@MonitoredTool
		public String failUnchecked(RuntimeException failure) {
			throw failure;
		}

		@MonitoredTool(name = "renamed_failure", slowThreshold = "PT3S")
		public String failRenamed(IOException failure) throws IOException {
			throw failure;
		}

		@MonitoredTool
		public CallToolResult result(CallToolResult result) {
			return result;
		}

		@MonitoredTool(slowThreshold = "50ms")
		public void slow(Duration duration) {
			this.clock.add(duration);
		}

		@MonitoredTool
		public void slowDefault(Duration duration) {
			this.clock.add(duration);
		}

		@MonitoredTool
		public CompletionStage<String> async() {
			return this.pending;
		}

		@MonitoredTool
		public Mono<CallToolResult> mono() {
			return this.pendingMono;
		}

	}

	public static class InvalidTools {

		@MonitoredTool(slowThreshold = "-1s")
		public String call() {
			return "never proxied";
		}

	}

	public static final class FinalTools {

		@MonitoredTool
		public String call() {
			return "final";
		}

	}

}
