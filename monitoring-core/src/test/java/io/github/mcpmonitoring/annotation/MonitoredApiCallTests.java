package io.github.mcpmonitoring.annotation;

import java.io.IOException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.mcpmonitoring.core.CallFailureListener;
import io.github.mcpmonitoring.core.ApiCallMetrics;
import io.github.mcpmonitoring.core.BrokenMeterRegistry;
import io.github.mcpmonitoring.core.McpMeterNames;
import io.github.mcpmonitoring.core.ToolCallMetrics;
import io.github.mcpmonitoring.failures.DefaultFailureClassifier;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.ConnectableFlux;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link MonitoredMethodInterceptor} on {@link MonitoredApiCall @MonitoredApiCall} methods.
 */
@ExtendWith(OutputCaptureExtension.class)
class MonitoredApiCallTests {

	private final MockClock clock = new MockClock();

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, this.clock);

	private final MonitoredMethodInterceptor interceptor = interceptor(this.registry);

	private final ApiClient target = new ApiClient(this.clock);

	private final ApiClient client = proxy(this.target, this.interceptor);

	@Test
	void recordsSuccessUnderTheApiName() {
		assertThat(this.client.get("0_abc")).isEqualTo("entry 0_abc");
		Timer timer = this.registry.get(McpMeterNames.API_CALL_DURATION)
			.tag("api", "kaltura.media.get")
			.tag("error.type", "none")
			.timer();
		assertThat(timer.count()).isEqualTo(1);
		assertThat(totalApiCalls()).isEqualTo(1);
	}

	@Test
	void recordsFailureAndRethrowsTheSameException() {
		IOException failure = new IOException("upstream down");
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> this.client.fail(failure)).isSameAs(failure);
		assertThat(this.registry.get(McpMeterNames.API_CALL_DURATION)
			.tag("api", "kaltura.media.list")
			.tag("error.type", "IOException")
			.timer()
			.count()).isEqualTo(1);
		assertThat(totalApiCalls()).isEqualTo(1);
	}

	@Test
	void consecutiveFailuresIncrementPerFailureAndResetOnSuccess() throws IOException {
		for (int i = 1; i <= 3; i++) {
			assertThatExceptionOfType(IOException.class).isThrownBy(() -> this.client.flaky(true));
			assertThat(consecutiveFailures("kaltura.flaky")).isEqualTo(i);
		}
		assertThat(this.client.flaky(false)).isEqualTo("ok");
		assertThat(consecutiveFailures("kaltura.flaky")).isZero();
	}

	@Test
	void countsACallOverTheAnnotationThresholdAsSlow() {
		this.client.sleep(Duration.ofMillis(100));
		assertThat(slowCount("kaltura.slow")).isZero();
		this.client.sleep(Duration.ofMillis(101));
		assertThat(slowCount("kaltura.slow")).isEqualTo(1);
		assertThat(this.registry.get(McpMeterNames.API_CALL_DURATION).tag("api", "kaltura.slow").timer().count())
			.isEqualTo(2);
	}

	@Test
	void countsACallOverTheDefaultThresholdAsSlow() {
		this.client.sleepDefault(Duration.ofSeconds(5));
		assertThat(slowCount("kaltura.default")).isZero();
		this.client.sleepDefault(Duration.ofMillis(5001));
		assertThat(slowCount("kaltura.default")).isEqualTo(1);
	}

	@Test
	void timesACompletionStageUntilItCompletes() {
		CompletableFuture<String> future = new CompletableFuture<>();
		this.target.pending = future;
		CompletionStage<String> returned = this.client.async();
		assertThat(returned).isSameAs(future);
		this.clock.add(Duration.ofMillis(300));
		assertThat(totalApiCalls()).isZero();
		future.complete("done");
		Timer timer = this.registry.get(McpMeterNames.API_CALL_DURATION)
			.tag("api", "kaltura.async")
			.tag("error.type", "none")
			.timer();
		assertThat(timer.count()).isEqualTo(1);
		assertThat(timer.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(300.0);
	}

	@Test
	void recordsTheCauseOfAFailedCompletionStage() {
		CompletableFuture<String> future = new CompletableFuture<>();
		this.target.pending = future;
		this.client.async();
		assertThat(totalApiCalls()).isZero();
		future.completeExceptionally(new IOException());
		assertThat(this.registry.get(McpMeterNames.API_CALL_DURATION)
			.tag("api", "kaltura.async")
			.tag("error.type", "IOException")
			.timer()
			.count()).isEqualTo(1);
		assertThat(consecutiveFailures("kaltura.async")).isEqualTo(1);
	}

	@Test
	void timesAMonoUntilItEmits() {
		Sinks.One<String> sink = Sinks.one();
		this.target.pendingMono = sink.asMono();
		CompletableFuture<String> result = this.client.mono().toFuture();
		assertThat(totalApiCalls()).isZero();
		sink.tryEmitValue("done");
		assertThat(result).isCompletedWithValue("done");
		assertThat(this.registry.get(McpMeterNames.API_CALL_DURATION)
			.tag("api", "kaltura.mono")
			.tag("error.type", "none")
			.timer()
			.count()).isEqualTo(1);
		assertThat(totalApiCalls()).isEqualTo(1);
	}

	@Test
	void recordsAMonoOnceWhicheverWayItIsConsumed() {
		this.target.pendingMono = Mono.just("value");
		assertThat(this.client.mono().block()).isEqualTo("value");
		assertThat(this.client.mono().toFuture().join()).isEqualTo("value");
		StepVerifier.create(this.client.mono()).expectNext("value").verifyComplete();
		StepVerifier.create(this.client.mono()).expectNext("value").thenCancel().verify();
		StepVerifier.create(Mono.zip(this.client.mono(), Mono.just(1))).expectNextCount(1).verifyComplete();
		assertThat(this.registry.get(McpMeterNames.API_CALL_DURATION)
			.tag("api", "kaltura.mono")
			.tag("error.type", "none")
			.timer()
			.count()).isEqualTo(5);
		assertThat(totalApiCalls()).isEqualTo(5);
	}

	@Test
	void recordsAFailedMono() {
		this.target.pendingMono = Mono.error(new IOException());
		StepVerifier.create(this.client.mono()).verifyError(IOException.class);
		assertThat(this.registry.get(McpMeterNames.API_CALL_DURATION)
			.tag("api", "kaltura.mono")
			.tag("error.type", "IOException")
			.timer()
			.count()).isEqualTo(1);
		assertThat(totalApiCalls()).isEqualTo(1);
	}

	@Test
	void timesEachSubscriptionToAMonoFromTheSubscription() {
		AtomicInteger attempts = new AtomicInteger();
		this.target.pendingMono = Mono.fromCallable(() -> {
			this.clock.add(Duration.ofSeconds(1));
			if (attempts.incrementAndGet() < 3) {
				throw new IOException();
			}
			return "value";
		});
		Mono<String> mono = this.client.mono();
		this.clock.add(Duration.ofSeconds(30));
		assertThat(mono.retry(2).block()).isEqualTo("value");
		Timer failures = this.registry.get(McpMeterNames.API_CALL_DURATION)
			.tag("api", "kaltura.mono")
			.tag("error.type", "IOException")
			.timer();
		Timer successes = this.registry.get(McpMeterNames.API_CALL_DURATION)
			.tag("api", "kaltura.mono")
			.tag("error.type", "none")
			.timer();
		assertThat(failures.count()).isEqualTo(2);
		assertThat(failures.totalTime(TimeUnit.SECONDS)).isEqualTo(2.0);
		assertThat(successes.count()).isEqualTo(1);
		assertThat(successes.totalTime(TimeUnit.SECONDS)).isEqualTo(1.0);
	}

	@Test
	void returnsASubclassOfFluxUnchangedAndRecordsTheCallOnReturn() {
		ConnectableFlux<String> connectable = Flux.just("a").publish();
		this.target.pendingConnectable = connectable;
		assertThat(this.client.connectable()).isSameAs(connectable);
		assertThat(this.registry.get(McpMeterNames.API_CALL_DURATION)
			.tag("api", "kaltura.connectable")
			.tag("error.type", "none")
			.timer()
			.count()).isEqualTo(1);
	}

	@Test
	void timesAFluxUntilItCompletes() {
		Sinks.Many<String> sink = Sinks.many().unicast().onBackpressureBuffer();
		this.target.pendingFlux = sink.asFlux();
		StepVerifier.create(this.client.flux())
			.then(() -> sink.tryEmitNext("a"))
			.expectNext("a")
			.then(() -> assertThat(totalApiCalls()).isZero())
			.then(() -> sink.tryEmitNext("b"))
			.expectNext("b")
			.then(() -> assertThat(totalApiCalls()).isZero())
			.then(sink::tryEmitComplete)
			.verifyComplete();
		assertThat(this.registry.get(McpMeterNames.API_CALL_DURATION)
			.tag("api", "kaltura.flux")
			.tag("error.type", "none")
			.timer()
			.count()).isEqualTo(1);
		assertThat(totalApiCalls()).isEqualTo(1);
	}

	@Test
	void recordsACancelledFluxOnce() {
		this.target.pendingFlux = Flux.just("a", "b", "c");
		StepVerifier.create(this.client.flux().take(1)).expectNext("a").verifyComplete();
		assertThat(this.registry.get(McpMeterNames.API_CALL_DURATION)
			.tag("api", "kaltura.flux")
			.tag("error.type", CancellationException.class.getSimpleName())
			.timer()
			.count()).isEqualTo(1);
		assertThat(totalApiCalls()).isEqualTo(1);
	}

	@Test
	void leavesMethodsWithoutAnnotationAlone() {
		assertThat(this.client.notMonitored()).isEqualTo("plain");
		assertThat(totalApiCalls()).isZero();
		assertThat(this.registry.find(McpMeterNames.API_CALL_DURATION).timers()).isEmpty();
	}

	@Test
	void recordsEachImplementationOfAnInterfaceMethodUnderItsOwnName() {
		MediaApi get = jdkProxy(new MediaGetApi(), this.interceptor);
		MediaApi list = jdkProxy(new MediaListApi(), this.interceptor);
		assertThat(get.call()).isEqualTo("get");
		assertThat(list.call()).isEqualTo("list");
		assertThat(list.call()).isEqualTo("list");
		assertThat(this.registry.get(McpMeterNames.API_CALL_DURATION).tag("api", "media.get").timer().count())
			.isEqualTo(1);
		assertThat(this.registry.get(McpMeterNames.API_CALL_DURATION).tag("api", "media.list").timer().count())
			.isEqualTo(2);
	}

	@Test
	void invalidThresholdFailsWhenThePointcutMatchesTheMethod() throws Exception {
		Method method = InvalidApiClient.class.getMethod("call");
		MonitoredMethodPointcut pointcut = new MonitoredMethodPointcut(this.interceptor);
		assertThatIllegalArgumentException().isThrownBy(() -> pointcut.matches(method, InvalidApiClient.class))
			.withMessageContaining(InvalidApiClient.class.getName() + ".call")
			.withMessageContaining("'soon'");
	}

	@Test
	void blankApiNameFailsWhenThePointcutMatchesTheMethod() throws Exception {
		Method method = InvalidApiClient.class.getMethod("unnamed");
		MonitoredMethodPointcut pointcut = new MonitoredMethodPointcut(this.interceptor);
		assertThatIllegalArgumentException().isThrownBy(() -> pointcut.matches(method, InvalidApiClient.class))
			.withMessageContaining(InvalidApiClient.class.getName() + ".unnamed");
	}

	@ParameterizedTest
	@MethodSource("io.github.mcpmonitoring.core.BrokenMeterRegistry#all")
	void brokenRegistryNeverChangesResultsOrExceptions(MeterRegistry brokenRegistry, CapturedOutput output) {
		assertCallsUnaffected(brokenRegistry);
		BrokenMeterRegistry.assertRecordingFailureWarnedOnce(output);
	}

	private void assertCallsUnaffected(MeterRegistry brokenRegistry) {
		ApiClient brokenClient = proxy(this.target, interceptor(brokenRegistry));
		for (int i = 0; i < 3; i++) {
			assertThat(brokenClient.get("0_x")).isEqualTo("entry 0_x");
			IOException failure = new IOException();
			assertThatExceptionOfType(IOException.class).isThrownBy(() -> brokenClient.fail(failure))
				.isSameAs(failure);
		}
		CompletableFuture<String> future = new CompletableFuture<>();
		this.target.pending = future;
		assertThat(brokenClient.async()).isSameAs(future);
		future.complete("late");
		assertThat(future).isCompletedWithValue("late");
	}

	private long totalApiCalls() {
		return this.registry.find(McpMeterNames.API_CALL_DURATION).timers().stream().mapToLong(Timer::count).sum();
	}

	private double consecutiveFailures(String api) {
		return this.registry.get(McpMeterNames.API_CONSECUTIVE_FAILURES).tag("api", api).gauge().value();
	}

	private double slowCount(String api) {
		return this.registry.get(McpMeterNames.API_CALL_SLOW).tag("api", api).counter().count();
	}

	private static MonitoredMethodInterceptor interceptor(MeterRegistry registry) {
		ApiCallMetrics apiMetrics = new ApiCallMetrics(registry, Duration.ofMinutes(1), CallFailureListener.NONE,
				new DefaultFailureClassifier());
		return new MonitoredMethodInterceptor(MonitoredApiCallTests::noToolMetrics, () -> apiMetrics, null,
				Duration.ofSeconds(10), Duration.ofSeconds(5), true);
	}

	private static ToolCallMetrics noToolMetrics() {
		throw new AssertionError("No tool method here: tool metrics must not be asked for");
	}

	@SuppressWarnings("unchecked")
	private static <T> T proxy(T target, MonitoredMethodInterceptor interceptor) {
		ProxyFactory proxyFactory = new ProxyFactory(target);
		proxyFactory.setProxyTargetClass(true);
		proxyFactory.addAdvisor(new DefaultPointcutAdvisor(new MonitoredMethodPointcut(interceptor), interceptor));
		return (T) proxyFactory.getProxy();
	}

	private static MediaApi jdkProxy(MediaApi target, MonitoredMethodInterceptor interceptor) {
		ProxyFactory proxyFactory = new ProxyFactory(target);
		proxyFactory.setProxyTargetClass(false);
		proxyFactory.setInterfaces(MediaApi.class);
		proxyFactory.addAdvisor(new DefaultPointcutAdvisor(new MonitoredMethodPointcut(interceptor), interceptor));
		MediaApi proxy = (MediaApi) proxyFactory.getProxy();
		assertThat(proxy.getClass().getName()).contains("$Proxy");
		return proxy;
	}

	public static class ApiClient {

		private final MockClock clock;

		CompletionStage<String> pending;

		Mono<String> pendingMono;

		Flux<String> pendingFlux;

		ConnectableFlux<String> pendingConnectable;

		public ApiClient(MockClock clock) {
			this.clock = clock;
		}

		@MonitoredApiCall("kaltura.media.get")
		public String get(String entryId) {
			return "entry " + entryId;
		}

		@MonitoredApiCall("kaltura.media.list")
		public String fail(IOException failure) throws IOException {
			throw failure;
		}

		@MonitoredApiCall("kaltura.flaky")
		public String flaky(boolean fail) throws IOException {
			if (fail) {
				throw new IOException();
			}
			return "ok";
		}

		@MonitoredApiCall(value = "kaltura.slow", slowThreshold = "100ms")
		public void sleep(Duration duration) {
			this.clock.add(duration);
		}

		@MonitoredApiCall("kaltura.default")
		public void sleepDefault(Duration duration) {
			this.clock.add(duration);
		}

		@MonitoredApiCall("kaltura.async")
		public CompletionStage<String> async() {
			return this.pending;
		}

		@MonitoredApiCall("kaltura.mono")
		public Mono<String> mono() {
			return this.pendingMono;
		}

		@MonitoredApiCall("kaltura.flux")
		public Flux<String> flux() {
			return this.pendingFlux;
		}

		@MonitoredApiCall("kaltura.connectable")
		public ConnectableFlux<String> connectable() {
			return this.pendingConnectable;
		}

		public String notMonitored() {
			return "plain";
		}

	}

	public interface MediaApi {

		String call();

	}

	public static class MediaGetApi implements MediaApi {

		@Override
		@MonitoredApiCall("media.get")
		public String call() {
			return "get";
		}

	}

	public static class MediaListApi implements MediaApi {

		@Override
		@MonitoredApiCall("media.list")
		public String call() {
			return "list";
		}

	}

	public static class InvalidApiClient {

		@MonitoredApiCall(value = "kaltura.invalid", slowThreshold = "soon")
		public String call() {
			return "never proxied";
		}

		@MonitoredApiCall(" ")
		public String unnamed() {
			return "never proxied";
		}

	}

}
