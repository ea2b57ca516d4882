package io.github.mcpmonitoring.mcp;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;

import io.github.mcpmonitoring.annotation.MonitoredMethodInterceptor;
import io.github.mcpmonitoring.annotation.MonitoredMethodPointcut;
import io.github.mcpmonitoring.annotation.MonitoredTool;
import io.github.mcpmonitoring.annotation.ToolRefinementsPostProcessor;
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
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ToolSpecificationInstrumenter} and the call handlers it installs.
 */
@ExtendWith(OutputCaptureExtension.class)
class ToolSpecificationInstrumenterTests {

	private static final CallToolRequest REQUEST = new CallToolRequest("get_media_entry", Map.of("id", "0_a"));

	private final MockClock clock = new MockClock();

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, this.clock);

	private final InFlightCalls inFlightCalls = new InFlightCalls();

	private final ToolCallMetrics metrics = new ToolCallMetrics(this.registry, Duration.ofMinutes(1),
			CallFailureListener.NONE, this.inFlightCalls, new DefaultFailureClassifier());

	private final ToolCalls toolCalls = new ToolCalls(() -> this.metrics);

	private final ToolSpecificationInstrumenter instrumenter = new ToolSpecificationInstrumenter(this.toolCalls,
			Duration.ofSeconds(10));

	private final MonitoredMethodInterceptor interceptor = new MonitoredMethodInterceptor(() -> this.metrics,
			() -> new ApiCallMetrics(this.registry, Duration.ofMinutes(1), CallFailureListener.NONE,
					new DefaultFailureClassifier()), this.toolCalls,
			Duration.ofSeconds(10), Duration.ofSeconds(5), true);

	private final Tools tools = proxy(new Tools(this.clock));

	@AfterEach
	void noInvocationLeaks() {
		assertThat(ToolInvocation.current()).isNull();
	}

	// Synchronous, stateful

	@Test
	void syncSuccessIsRecordedAsNoneAndTheResultPassesThroughUnchanged() {
		CallToolResult result = CallToolResult.builder().addTextContent("entry").build();
		McpServerFeatures.SyncToolSpecification spec = sync("get_media_entry", (exchange, request) -> {
			this.clock.add(Duration.ofMillis(120));
			return result;
		});
		assertThat(spec.callHandler().apply(null, REQUEST)).isSameAs(result);
		Timer timer = this.registry.get(McpMeterNames.OPERATION_DURATION)
			.tag("mcp.method.name", "tools/call")
			.tag("gen_ai.tool.name", "get_media_entry")
			.tag("error.type", "none")
			.timer();
		assertThat(timer.count()).isEqualTo(1);
		assertThat(timer.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(120.0);
		assertThat(totalToolCalls()).isEqualTo(1);
	}

	@Test
	void syncErrorResultWithoutExceptionIsRecordedAsToolError() {
		CallToolResult error = CallToolResult.builder().addTextContent("no such entry").isError(true).build();
		McpServerFeatures.SyncToolSpecification spec = sync("get_media_entry", (exchange, request) -> error);
		assertThat(spec.callHandler().apply(null, REQUEST)).isSameAs(error);
		assertThat(durationCount("get_media_entry", "tool_error")).isEqualTo(1);
		assertThat(totalToolCalls()).isEqualTo(1);
	}

	@Test
	void syncHandlerExceptionIsRecordedAndRethrownUnchanged() {
		IllegalStateException failure = new IllegalStateException("broken");
		McpServerFeatures.SyncToolSpecification spec = sync("get_media_entry", (exchange, request) -> {
			throw failure;
		});
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> spec.callHandler().apply(null, REQUEST))
			.isSameAs(failure);
		assertThat(durationCount("get_media_entry", "IllegalStateException")).isEqualTo(1);
		assertThat(totalToolCalls()).isEqualTo(1);
	}

	@Test
	void syncHandlerExceptionWhoseMessageThrowsIsRethrownUnchangedAndTheCallClosed() {
		MessageThrowingException failure = new MessageThrowingException();
		McpServerFeatures.SyncToolSpecification spec = sync("get_media_entry", (exchange, request) -> {
			throw failure;
		});
		assertThatExceptionOfType(MessageThrowingException.class)
			.isThrownBy(() -> spec.callHandler().apply(null, REQUEST))
			.isSameAs(failure);
		assertThat(ToolInvocation.current()).isNull();
		assertThat(durationCount("get_media_entry", "MessageThrowingException")).isEqualTo(1);
	}

	@Test
	void syncHandlerThatThrowsAnUndeclaredCheckedExceptionRethrowsItAndClosesTheCall() {
		IOException failure = new IOException("undeclared");
		McpServerFeatures.SyncToolSpecification spec = sync("get_media_entry",
				(exchange, request) -> sneakyThrow(failure));
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> spec.callHandler().apply(null, REQUEST))
			.isSameAs(failure);
		assertThat(ToolInvocation.current()).isNull();
		assertThat(durationCount("get_media_entry", "IOException")).isEqualTo(1);
	}

	@Test
	void syncRecordsTheExceptionAFrameworkToolMethodThrewBeforeItBecameAnErrorResult() {
		McpServerFeatures.SyncToolSpecification spec = sync("search_entries",
				(exchange, request) -> callLikeSpringAi(this.tools::searchEntries));
		CallToolResult result = spec.callHandler().apply(null, REQUEST);
		assertThat(result.isError()).isTrue();
		assertThat(durationCount("search_entries", "IOException")).isEqualTo(1);
		assertThat(totalToolCalls()).isEqualTo(1);
	}

	@Test
	void syncRecordsAFrameworkToolMethodsExceptionAsToolErrorWhenExceptionTypesAreOff() {
		MonitoredMethodInterceptor withoutExceptionTypes = new MonitoredMethodInterceptor(() -> this.metrics,
				() -> new ApiCallMetrics(this.registry, Duration.ofMinutes(1),
						CallFailureListener.NONE, new DefaultFailureClassifier()), this.toolCalls,
				Duration.ofSeconds(10), Duration.ofSeconds(5), false);
		Tools tools = proxy(new Tools(this.clock), withoutExceptionTypes);
		McpServerFeatures.SyncToolSpecification failing = sync("search_entries",
				(exchange, request) -> callLikeSpringAi(tools::searchEntries));
		McpServerFeatures.SyncToolSpecification monitored = sync("get_thumbnail_url",
				(exchange, request) -> callLikeSpringAi(() -> tools.thumbnail(Duration.ofMillis(10))));
		assertThat(failing.callHandler().apply(null, REQUEST).isError()).isTrue();
		assertThat(monitored.callHandler().apply(null, REQUEST).isError()).isFalse();
		assertThat(durationCount("search_entries", "tool_error")).isEqualTo(1);
		assertThat(durationCount("thumbnail", "none")).isEqualTo(1);
		assertThat(totalToolCalls()).isEqualTo(2);
	}

	@Test
	void syncCallOfAMonitoredToolIsCountedOnceUnderTheAnnotationName() {
		McpServerFeatures.SyncToolSpecification spec = sync("get_media_entry",
				(exchange, request) -> CallToolResult.builder().addTextContent(this.tools.lookup()).build());
		spec.callHandler().apply(null, REQUEST);
		assertThat(durationCount("media_lookup", "none")).isEqualTo(1);
		assertThat(totalToolCalls()).isEqualTo(1);
	}

	@Test
	void syncCallOfAFailingMonitoredToolIsCountedOnceWithTheExceptionType() {
		McpServerFeatures.SyncToolSpecification spec = sync("get_media_entry",
				(exchange, request) -> callLikeSpringAi(this.tools::failingLookup));
		spec.callHandler().apply(null, REQUEST);
		assertThat(durationCount("failing_lookup", "TimeoutException")).isEqualTo(1);
		assertThat(totalToolCalls()).isEqualTo(1);
	}

	@Test
	void syncCallOfAFrameworkToolWithMonitoredToolIsCountedOnceWithItsThreshold() {
		McpServerFeatures.SyncToolSpecification spec = sync("get_thumbnail_url", (exchange, request) -> CallToolResult
			.builder()
			.addTextContent(this.tools.thumbnail(Duration.ofMillis(600)))
			.build());
		spec.callHandler().apply(null, REQUEST);
		assertThat(durationCount("thumbnail", "none")).isEqualTo(1);
		assertThat(totalToolCalls()).isEqualTo(1);
		assertThat(slowCount("thumbnail")).isEqualTo(1);
	}

	@Test
	void syncCallOfAnotherToolsMethodFromAHandlerIsCountedUnderTheHandlersTool() {
		McpServerFeatures.SyncToolSpecification spec = sync("list_media", (exchange, request) -> CallToolResult
			.builder()
			.addTextContent(this.tools.thumbnail(Duration.ofMillis(600)))
			.build());
		spec.callHandler().apply(null, REQUEST);
		assertThat(durationCount("list_media", "none")).isEqualTo(1);
		assertThat(totalToolCalls()).isEqualTo(1);
		assertThat(slowCount("list_media")).isZero();
	}

	@Test
	void syncCountsACallOverTheDefaultThresholdAsSlow() {
		McpServerFeatures.SyncToolSpecification spec = sync("get_media_entry", (exchange, request) -> {
			this.clock.add(Duration.ofSeconds(11));
			return CallToolResult.builder().build();
		});
		spec.callHandler().apply(null, REQUEST);
		assertThat(slowCount("get_media_entry")).isEqualTo(1);
	}

	// Synchronous, stateless

	@Test
	void statelessSyncRecordsOutcomesAndPassesResultsAndExceptionsThrough() {
		CallToolResult result = CallToolResult.builder().build();
		McpStatelessServerFeatures.SyncToolSpecification ok = this.instrumenter
			.instrument(McpStatelessServerFeatures.SyncToolSpecification.builder()
				.tool(tool("stateless_ok"))
				.callHandler((context, request) -> result)
				.build());
		IOException cause = new IOException();
		IllegalStateException failure = new IllegalStateException(cause);
		McpStatelessServerFeatures.SyncToolSpecification failing = this.instrumenter
			.instrument(McpStatelessServerFeatures.SyncToolSpecification.builder()
				.tool(tool("stateless_failing"))
				.callHandler((context, request) -> {
					throw failure;
				})
				.build());
		assertThat(ok.callHandler().apply(McpTransportContext.EMPTY, REQUEST)).isSameAs(result);
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> failing.callHandler().apply(McpTransportContext.EMPTY, REQUEST))
			.isSameAs(failure);
		assertThat(durationCount("stateless_ok", "none")).isEqualTo(1);
		assertThat(durationCount("stateless_failing", "IllegalStateException")).isEqualTo(1);
		assertThat(totalToolCalls()).isEqualTo(2);
	}

	@Test
	void syncCountsTheCallInFlightFromTheSamplingRunThatFindsIt() {
		AtomicReference<Integer> beforeSampling = new AtomicReference<>();
		AtomicReference<Integer> afterSampling = new AtomicReference<>();
		McpServerFeatures.SyncToolSpecification spec = sync("get_media_entry", (exchange, request) -> {
			beforeSampling.set(activeCalls("get_media_entry"));
			this.inFlightCalls.sample();
			afterSampling.set(activeCalls("get_media_entry"));
			return CallToolResult.builder().build();
		});
		spec.callHandler().apply(null, REQUEST);
		assertThat(beforeSampling.get()).isZero();
		assertThat(afterSampling.get()).isEqualTo(1);
		assertThat(activeCalls("get_media_entry")).isZero();
		this.inFlightCalls.sample();
		assertThat(activeCalls("get_media_entry")).isZero();
	}

	@Test
	void asyncCountsTheCallInFlightFromItsSubscription() {
		Sinks.One<CallToolResult> sink = Sinks.one();
		McpServerFeatures.AsyncToolSpecification spec = async("get_media_entry", (exchange, request) -> sink.asMono());
		StepVerifier.create(spec.callHandler().apply(null, REQUEST))
			.then(() -> assertThat(activeCalls("get_media_entry")).isEqualTo(1))
			.then(() -> sink.tryEmitValue(CallToolResult.builder().build()))
			.expectNextCount(1)
			.verifyComplete();
		assertThat(activeCalls("get_media_entry")).isZero();
	}

	@Test
	void statelessSyncCallOfAMonitoredToolIsCountedOnce() {
		McpStatelessServerFeatures.SyncToolSpecification spec = this.instrumenter
			.instrument(McpStatelessServerFeatures.SyncToolSpecification.builder()
				.tool(tool("get_media_entry"))
				.callHandler((context, request) -> callLikeSpringAi(this.tools::failingLookup))
				.build());
		spec.callHandler().apply(McpTransportContext.EMPTY, REQUEST);
		assertThat(durationCount("failing_lookup", "TimeoutException")).isEqualTo(1);
		assertThat(totalToolCalls()).isEqualTo(1);
	}

	// Asynchronous, stateful

	@Test
	void asyncIsRecordedWhenTheMonoCompletesNotWhenTheHandlerReturns() {
		Sinks.One<CallToolResult> sink = Sinks.one();
		McpServerFeatures.AsyncToolSpecification spec = async("get_media_entry",
				(exchange, request) -> sink.asMono());
		Mono<CallToolResult> mono = spec.callHandler().apply(null, REQUEST);
		assertThat(totalToolCalls()).isZero();
		CallToolResult result = CallToolResult.builder().build();
		StepVerifier.create(mono)
			.then(() -> assertThat(totalToolCalls()).isZero())
			.then(() -> assertThat(activeCalls("get_media_entry")).isEqualTo(1))
			.then(() -> this.clock.add(Duration.ofMillis(80)))
			.then(() -> sink.tryEmitValue(result))
			.assertNext((value) -> assertThat(value).isSameAs(result))
			.verifyComplete();
		Timer timer = this.registry.get(McpMeterNames.OPERATION_DURATION)
			.tag("gen_ai.tool.name", "get_media_entry")
			.tag("error.type", "none")
			.timer();
		assertThat(timer.count()).isEqualTo(1);
		assertThat(timer.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(80.0);
		assertThat(totalToolCalls()).isEqualTo(1);
		assertThat(activeCalls("get_media_entry")).isZero();
	}

	@Test
	void asyncCallOfAMonitoredToolMadeWhileBuildingTheMonoIsCountedOnce() {
		McpServerFeatures.AsyncToolSpecification spec = async("get_media_entry",
				(exchange, request) -> Mono.just(CallToolResult.builder().addTextContent(this.tools.lookup()).build()));
		StepVerifier.create(spec.callHandler().apply(null, REQUEST)).expectNextCount(1).verifyComplete();
		assertThat(durationCount("media_lookup", "none")).isEqualTo(1);
		assertThat(totalToolCalls()).isEqualTo(1);
	}

	@Test
	void asyncCallOfAFailingMonitoredToolMadeOnSubscriptionIsCountedOnceWithTheExceptionType() {
		McpServerFeatures.AsyncToolSpecification spec = async("get_media_entry",
				(exchange, request) -> Mono.fromCallable(() -> callLikeSpringAi(this.tools::failingLookup)));
		StepVerifier.create(spec.callHandler().apply(null, REQUEST))
			.assertNext((result) -> assertThat(result.isError()).isTrue())
			.verifyComplete();
		assertThat(durationCount("failing_lookup", "TimeoutException")).isEqualTo(1);
		assertThat(totalToolCalls()).isEqualTo(1);
	}

	@Test
	void asyncHandlerThatThrowsIsRecordedAndSignalsTheSameException() {
		IllegalStateException failure = new IllegalStateException("broken");
		McpServerFeatures.AsyncToolSpecification spec = async("get_media_entry", (exchange, request) -> {
			throw failure;
		});
		StepVerifier.create(spec.callHandler().apply(null, REQUEST))
			.expectErrorSatisfies((ex) -> assertThat(ex).isSameAs(failure))
			.verify();
		assertThat(durationCount("get_media_entry", "IllegalStateException")).isEqualTo(1);
		assertThat(totalToolCalls()).isEqualTo(1);
	}

	@Test
	void asyncHandlerThatThrowsAnUndeclaredCheckedExceptionIsRecordedAndSignalsIt() {
		IOException failure = new IOException("undeclared");
		McpServerFeatures.AsyncToolSpecification spec = async("get_media_entry",
				(exchange, request) -> sneakyThrow(failure));
		StepVerifier.create(spec.callHandler().apply(null, REQUEST))
			.expectErrorSatisfies((ex) -> assertThat(ex).isSameAs(failure))
			.verify();
		assertThat(durationCount("get_media_entry", "IOException")).isEqualTo(1);
		assertThat(totalToolCalls()).isEqualTo(1);
	}

	@Test
	void asyncIsRecordedOnceWhenCancelled() {
		Sinks.One<CallToolResult> sink = Sinks.one();
		McpServerFeatures.AsyncToolSpecification spec = async("get_media_entry",
				(exchange, request) -> sink.asMono());
		Disposable subscription = spec.callHandler().apply(null, REQUEST).subscribe();
		subscription.dispose();
		subscription.dispose();
		sink.tryEmitValue(CallToolResult.builder().build());
		assertThat(durationCount("get_media_entry", "ClientCancellationException")).isEqualTo(1);
		assertThat(this.registry.get(McpMeterNames.OPERATION_DURATION)
			.tag("error.type", "ClientCancellationException")
			.timer()
			.getId()
			.getTag("error.origin")).as("a call the client cancelled is the client's").isEqualTo("client");
		assertThat(totalToolCalls()).isEqualTo(1);
	}

	@Test
	void asyncIsRecordedOnceWhenCancelledAfterTheResult() {
		McpServerFeatures.AsyncToolSpecification spec = async("get_media_entry",
				(exchange, request) -> Mono.just(CallToolResult.builder().build()));
		StepVerifier.create(spec.callHandler().apply(null, REQUEST)).expectNextCount(1).thenCancel().verify();
		assertThat(spec.callHandler().apply(null, REQUEST).toFuture().join()).isNotNull();
		assertThat(durationCount("get_media_entry", "none")).isEqualTo(2);
		assertThat(totalToolCalls()).isEqualTo(2);
	}

	@Test
	void asyncErrorIsRecordedAndPassedThroughUnchanged() {
		IOException failure = new IOException();
		McpServerFeatures.AsyncToolSpecification spec = async("get_media_entry",
				(exchange, request) -> Mono.error(failure));
		StepVerifier.create(spec.callHandler().apply(null, REQUEST))
			.expectErrorSatisfies((error) -> assertThat(error).isSameAs(failure))
			.verify();
		assertThat(durationCount("get_media_entry", "IOException")).isEqualTo(1);
		assertThat(totalToolCalls()).isEqualTo(1);
	}

	@Test
	void asyncExceptionThrownByTheHandlerIsRecordedAndPassedThroughUnchanged() {
		IllegalStateException failure = new IllegalStateException();
		McpServerFeatures.AsyncToolSpecification spec = async("get_media_entry", (exchange, request) -> {
			throw failure;
		});
		StepVerifier.create(Mono.defer(() -> spec.callHandler().apply(null, REQUEST)))
			.expectErrorSatisfies((error) -> assertThat(error).isSameAs(failure))
			.verify();
		assertThat(durationCount("get_media_entry", "IllegalStateException")).isEqualTo(1);
		assertThat(totalToolCalls()).isEqualTo(1);
	}

	@Test
	void asyncErrorWhoseMessageThrowsIsPassedThroughUnchanged() {
		MessageThrowingException failure = new MessageThrowingException();
		McpServerFeatures.AsyncToolSpecification spec = async("get_media_entry",
				(exchange, request) -> Mono.error(failure));
		StepVerifier.create(spec.callHandler().apply(null, REQUEST))
			.expectErrorSatisfies((error) -> assertThat(error).isSameAs(failure))
			.verify();
		assertThat(durationCount("get_media_entry", "MessageThrowingException")).isEqualTo(1);
	}

	@Test
	void asyncErrorResultWithoutExceptionIsRecordedAsToolError() {
		CallToolResult error = CallToolResult.builder().isError(true).build();
		McpServerFeatures.AsyncToolSpecification spec = async("get_media_entry",
				(exchange, request) -> Mono.just(error));
		StepVerifier.create(spec.callHandler().apply(null, REQUEST)).expectNext(error).verifyComplete();
		assertThat(durationCount("get_media_entry", "tool_error")).isEqualTo(1);
		assertThat(totalToolCalls()).isEqualTo(1);
	}

	@Test
	void asyncRecordsTheExceptionAFrameworkToolMethodThrewOnTheThreadThatCompletesTheCall() {
		McpServerFeatures.AsyncToolSpecification spec = async("search_entries",
				(exchange, request) -> Mono.fromCallable(() -> callLikeSpringAi(this.tools::searchEntries)));
		StepVerifier.create(spec.callHandler().apply(null, REQUEST))
			.assertNext((result) -> assertThat(result.isError()).isTrue())
			.verifyComplete();
		assertThat(durationCount("search_entries", "IOException")).isEqualTo(1);
		assertThat(totalToolCalls()).isEqualTo(1);
	}

	@Test
	void asyncUsesTheRefinementsOfAFrameworkTool() {
		McpServerFeatures.AsyncToolSpecification spec = async("get_thumbnail_url",
				(exchange, request) -> Mono.fromCallable(() -> CallToolResult.builder()
					.addTextContent(this.tools.thumbnail(Duration.ofMillis(600)))
					.build()));
		StepVerifier.create(spec.callHandler().apply(null, REQUEST)).expectNextCount(1).verifyComplete();
		assertThat(durationCount("thumbnail", "none")).isEqualTo(1);
		assertThat(totalToolCalls()).isEqualTo(1);
		assertThat(slowCount("thumbnail")).isEqualTo(1);
	}

	// Asynchronous, stateless

	@Test
	void statelessAsyncIsRecordedWhenTheMonoCompletes() {
		Sinks.One<CallToolResult> sink = Sinks.one();
		McpStatelessServerFeatures.AsyncToolSpecification spec = this.instrumenter
			.instrument(McpStatelessServerFeatures.AsyncToolSpecification.builder()
				.tool(tool("stateless_async"))
				.callHandler((context, request) -> sink.asMono())
				.build());
		CallToolResult error = CallToolResult.builder().isError(true).build();
		StepVerifier.create(spec.callHandler().apply(McpTransportContext.EMPTY, REQUEST))
			.then(() -> assertThat(totalToolCalls()).isZero())
			.then(() -> sink.tryEmitValue(error))
			.expectNext(error)
			.verifyComplete();
		assertThat(durationCount("stateless_async", "tool_error")).isEqualTo(1);
		assertThat(totalToolCalls()).isEqualTo(1);
	}

	// Broken registries

	@ParameterizedTest
	@MethodSource("io.github.mcpmonitoring.core.BrokenMeterRegistry#all")
	void brokenRegistryNeverChangesWhatHandlersReturnOrThrow(MeterRegistry brokenRegistry, CapturedOutput output) {
		assertHandlersUnaffected(brokenRegistry);
		BrokenMeterRegistry.assertRecordingFailureWarnedOnce(output);
	}

	private void assertHandlersUnaffected(MeterRegistry brokenRegistry) {
		ToolSpecificationInstrumenter broken = new ToolSpecificationInstrumenter(new ToolCalls(
				() -> new ToolCallMetrics(brokenRegistry, Duration.ofMinutes(1), CallFailureListener.NONE,
						new InFlightCalls(), new DefaultFailureClassifier())),
				Duration.ofSeconds(10));
		CallToolResult result = CallToolResult.builder().build();
		IllegalStateException failure = new IllegalStateException();
		McpServerFeatures.SyncToolSpecification ok = broken.instrument(McpServerFeatures.SyncToolSpecification
			.builder()
			.tool(tool("ok"))
			.callHandler((exchange, request) -> result)
			.build());
		McpServerFeatures.SyncToolSpecification failing = broken.instrument(McpServerFeatures.SyncToolSpecification
			.builder()
			.tool(tool("failing"))
			.callHandler((exchange, request) -> {
				throw failure;
			})
			.build());
		McpServerFeatures.AsyncToolSpecification async = broken.instrument(McpServerFeatures.AsyncToolSpecification
			.builder()
			.tool(tool("async"))
			.callHandler((exchange, request) -> Mono.error(failure))
			.build());
		for (int i = 0; i < 3; i++) {
			assertThat(ok.callHandler().apply(null, REQUEST)).isSameAs(result);
			assertThatExceptionOfType(IllegalStateException.class)
				.isThrownBy(() -> failing.callHandler().apply(null, REQUEST))
				.isSameAs(failure);
			StepVerifier.create(async.callHandler().apply(null, REQUEST))
				.expectErrorSatisfies((error) -> assertThat(error).isSameAs(failure))
				.verify();
		}
	}

	// Instrumentation itself

	@Test
	void keepsTheToolDefinition() {
		Tool tool = tool("get_media_entry");
		McpServerFeatures.SyncToolSpecification spec = McpServerFeatures.SyncToolSpecification.builder()
			.tool(tool)
			.callHandler((exchange, request) -> CallToolResult.builder().build())
			.build();
		McpServerFeatures.SyncToolSpecification instrumented = this.instrumenter.instrument(spec);
		assertThat(instrumented).isNotSameAs(spec);
		assertThat(instrumented.tool()).isSameAs(tool);
		assertThat(instrumented.callHandler()).isNotSameAs(spec.callHandler());
	}

	@Test
	void instrumentingAnInstrumentedSpecificationIsANoOp() {
		McpServerFeatures.SyncToolSpecification sync = sync("a", (exchange, request) -> CallToolResult.builder().build());
		McpServerFeatures.AsyncToolSpecification async = async("b",
				(exchange, request) -> Mono.just(CallToolResult.builder().build()));
		McpStatelessServerFeatures.SyncToolSpecification statelessSync = this.instrumenter
			.instrument(McpStatelessServerFeatures.SyncToolSpecification.builder()
				.tool(tool("c"))
				.callHandler((context, request) -> CallToolResult.builder().build())
				.build());
		McpStatelessServerFeatures.AsyncToolSpecification statelessAsync = this.instrumenter
			.instrument(McpStatelessServerFeatures.AsyncToolSpecification.builder()
				.tool(tool("d"))
				.callHandler((context, request) -> Mono.just(CallToolResult.builder().build()))
				.build());
		assertThat(this.instrumenter.instrument(sync)).isSameAs(sync);
		assertThat(this.instrumenter.instrument((Object) async)).isSameAs(async);
		assertThat(this.instrumenter.instrument(statelessSync)).isSameAs(statelessSync);
		assertThat(this.instrumenter.instrument(statelessAsync)).isSameAs(statelessAsync);
		this.instrumenter.instrument(sync).callHandler().apply(null, REQUEST);
		assertThat(durationCount("a", "none")).isEqualTo(1);
		assertThat(totalToolCalls()).isEqualTo(1);
	}

	@Test
	void registeredToolsGaugeCountsDistinctInstrumentedToolNames() {
		sync("get_media_entry", (exchange, request) -> CallToolResult.builder().build());
		async("get_media_entry", (exchange, request) -> Mono.just(CallToolResult.builder().build()));
		sync("list_categories", (exchange, request) -> CallToolResult.builder().build());
		McpServerFeatures.SyncToolSpecification third = sync("search_entries",
				(exchange, request) -> CallToolResult.builder().build());
		this.instrumenter.instrument(third);
		assertThat(this.registry.get(McpMeterNames.TOOLS_REGISTERED).gauge().value()).isEqualTo(3.0);
	}

	@Test
	void registersToolsUnderTheirServerNameEvenWhenRecordedUnderARefinedName() {
		this.toolCalls.refine("get_media_entry", "media", -1);
		McpServerFeatures.SyncToolSpecification spec = sync("get_media_entry",
				(exchange, request) -> CallToolResult.builder().build());
		spec.callHandler().apply(null, REQUEST);
		assertThat(durationCount("media", "none")).isEqualTo(1);
		assertThat(totalToolCalls()).isEqualTo(1);
		assertThat(this.registry.get(McpMeterNames.TOOLS_REGISTERED).gauge().value()).isEqualTo(1.0);
	}

	@Test
	void tellsListenersAboutEachInstrumentedToolWithTheHandleItsCallsAreRecordedThrough() {
		List<Tool> tools = new ArrayList<>();
		List<ServerTool> serverTools = new ArrayList<>();
		ToolSpecificationInstrumenter listened = new ToolSpecificationInstrumenter(this.toolCalls,
				Duration.ofSeconds(10), List.of((tool, serverTool) -> {
					tools.add(tool);
					serverTools.add(serverTool);
				}));
		Tool tool = tool("get_media_entry");
		McpServerFeatures.SyncToolSpecification spec = listened.instrument(McpServerFeatures.SyncToolSpecification
			.builder()
			.tool(tool)
			.callHandler((exchange, request) -> CallToolResult.builder().build())
			.build());
		listened.instrument(spec);
		assertThat(tools).singleElement().isSameAs(tool);
		assertThat(serverTools).singleElement().extracting(ServerTool::name).isEqualTo("get_media_entry");
	}

	@Test
	void aFailingListenerIsLoggedAndTheToolStillInstrumented(CapturedOutput output) {
		ToolSpecificationInstrumenter listened = new ToolSpecificationInstrumenter(this.toolCalls,
				Duration.ofSeconds(10), List.of((tool, serverTool) -> {
					throw new IllegalStateException("listener down");
				}));
		McpServerFeatures.SyncToolSpecification spec = listened.instrument(McpServerFeatures.SyncToolSpecification
			.builder()
			.tool(tool("get_media_entry"))
			.callHandler((exchange, request) -> CallToolResult.builder().build())
			.build());
		spec.callHandler().apply(null, REQUEST);
		assertThat(durationCount("get_media_entry", "none")).isEqualTo(1);
		assertThat(output).contains("the tool's calls are still recorded");
	}

	@Test
	void returnsAnythingElseAsItIs() {
		Object notASpec = "tool";
		assertThat(this.instrumenter.instrument(notASpec)).isSameAs(notASpec);
		assertThat(ToolSpecificationInstrumenter.isToolSpecification(notASpec)).isFalse();
		assertThat(ToolSpecificationInstrumenter.isToolSpecification(McpServerFeatures.SyncToolSpecification.builder()
			.tool(tool("x"))
			.callHandler((exchange, request) -> CallToolResult.builder().build())
			.build())).isTrue();
		assertThat(this.registry.get(McpMeterNames.TOOLS_REGISTERED).gauge().value()).isZero();
	}

	private McpServerFeatures.SyncToolSpecification sync(String name,
			BiFunction<McpSyncServerExchange, CallToolRequest, CallToolResult> handler) {
		return this.instrumenter.instrument(
				McpServerFeatures.SyncToolSpecification.builder().tool(tool(name)).callHandler(handler).build());
	}

	private McpServerFeatures.AsyncToolSpecification async(String name,
			BiFunction<McpAsyncServerExchange, CallToolRequest, Mono<CallToolResult>> handler) {
		return this.instrumenter.instrument(
				McpServerFeatures.AsyncToolSpecification.builder().tool(tool(name)).callHandler(handler).build());
	}

	private static Tool tool(String name) {
		return Tool.builder().name(name).description("Test tool " + name).build();
	}

	/** What Spring AI's tool callbacks do with an exception: turn it into an error result. */
	private static CallToolResult callLikeSpringAi(ThrowingSupplier tool) {
		try {
			return CallToolResult.builder().addTextContent(tool.get()).build();
		}
		catch (Exception ex) {
			return CallToolResult.builder().addTextContent(String.valueOf(ex.getMessage())).isError(true).build();
		}
	}

	private long durationCount(String tool, String errorType) {
		Timer timer = this.registry.find(McpMeterNames.OPERATION_DURATION)
			.tag("mcp.method.name", "tools/call")
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
		return this.registry.get(McpMeterNames.OPERATION_ACTIVE).tag("gen_ai.tool.name", tool).longTaskTimer()
			.activeTasks();
	}

	private Tools proxy(Tools target) {
		return proxy(target, this.interceptor);
	}

	/** Initialise the bean and proxy it, as a Spring context does. */
	private static Tools proxy(Tools target, MonitoredMethodInterceptor interceptor) {
		new ToolRefinementsPostProcessor(interceptor).postProcessBeforeInitialization(target, "tools");
		ProxyFactory proxyFactory = new ProxyFactory(target);
		proxyFactory.setProxyTargetClass(true);
		proxyFactory.addAdvisor(new DefaultPointcutAdvisor(new MonitoredMethodPointcut(interceptor), interceptor));
		return (Tools) proxyFactory.getProxy();
	}

	@SuppressWarnings("unchecked")
	private static <T, X extends Throwable> T sneakyThrow(Throwable failure) throws X {
		throw (X) failure;
	}

	/** An exception whose message cannot be read. */
	static class MessageThrowingException extends RuntimeException {

		@Override
		public String getMessage() {
			throw new IllegalStateException("no message");
		}

	}

	@FunctionalInterface
	interface ThrowingSupplier {

		String get() throws Exception;

	}

	public static class Tools {

		private final MockClock clock;

		public Tools(MockClock clock) {
			this.clock = clock;
		}

		@org.springframework.ai.tool.annotation.Tool(name = "search_entries", description = "Search entries")
		public String searchEntries() throws IOException {
			throw new IOException("upstream down");
		}

		@org.springframework.ai.tool.annotation.Tool(name = "get_thumbnail_url", description = "Thumbnail URL")
		@MonitoredTool(name = "thumbnail", slowThreshold = "500ms")
		public String thumbnail(Duration duration) {
			this.clock.add(duration);
			return "https://example.com/thumb.jpg";
		}

		@MonitoredTool(name = "media_lookup")
		public String lookup() {
			return "entry";
		}

		@MonitoredTool(name = "failing_lookup")
		public String failingLookup() throws TimeoutException {
			throw new TimeoutException();
		}

	}

}
