package io.github.mcpmonitoring.autoconfigure;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.mcpmonitoring.core.InFlightCalls;
import io.github.mcpmonitoring.core.CallFailureListener;
import io.github.mcpmonitoring.annotation.MonitoredApiCall;
import io.github.mcpmonitoring.annotation.MonitoredMethodInterceptor;
import io.github.mcpmonitoring.annotation.MonitoredTool;
import io.github.mcpmonitoring.core.ApiCallMetrics;
import io.github.mcpmonitoring.core.ErrorTypeCardinalityFilter;
import io.github.mcpmonitoring.core.McpMeterNames;
import io.github.mcpmonitoring.core.ToolCallMetrics;
import io.github.mcpmonitoring.failures.DefaultFailureClassifier;
import io.github.mcpmonitoring.mcp.ToolSpecificationInstrumenter;
import io.github.mcpmonitoring.mcp.ToolSpecificationsPostProcessor;
import io.github.mcpmonitoring.toolcall.ToolCalls;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.aop.Advisor;
import org.springframework.aop.support.AopUtils;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link McpMonitoringAutoConfiguration}, {@link McpToolMetricsAutoConfiguration} and
 * {@link MonitoredAnnotationsAutoConfiguration}.
 */
class McpMonitoringAutoConfigurationTests {

	private static final CallToolRequest REQUEST = new CallToolRequest("get_media_entry", Map.of());

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(BootAutoConfigurations.metrics())
		.withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class, McpMonitoringAutoConfiguration.class,
				McpToolMetricsAutoConfiguration.class, MonitoredAnnotationsAutoConfiguration.class));

	@Test
	void createsBeansByDefault() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(McpMonitoringProperties.class);
			assertThat(context).hasSingleBean(ToolCallMetrics.class);
			assertThat(context).hasSingleBean(ApiCallMetrics.class);
			assertThat(context).hasSingleBean(ErrorTypeCardinalityFilter.class);
			assertThat(context).hasSingleBean(ToolCalls.class);
			assertThat(context).hasSingleBean(ToolSpecificationInstrumenter.class);
			assertThat(context).hasSingleBean(ToolSpecificationsPostProcessor.class);
			assertThat(context).hasSingleBean(MonitoredMethodInterceptor.class);
			assertThat(context).hasBean("mcpMonitoredMethodAdvisor");
			assertThat(context.getBean("mcpMonitoredMethodAdvisor")).isInstanceOf(Advisor.class);
			assertThat(context.getBean(MeterRegistry.class).find(McpMeterNames.TOOLS_REGISTERED).gauge())
				.isNotNull();
		});
	}

	@Test
	void backsOffWhenTheUserDefinesToolCallMetrics() {
		ToolCallMetrics userMetrics = new ToolCallMetrics(new SimpleMeterRegistry(), Duration.ofMinutes(1),
				CallFailureListener.NONE, new InFlightCalls(), new DefaultFailureClassifier());
		this.contextRunner.withBean("userToolCallMetrics", ToolCallMetrics.class, () -> userMetrics)
			.run((context) -> {
				assertThat(context).hasSingleBean(ToolCallMetrics.class);
				assertThat(context.getBean(ToolCallMetrics.class)).isSameAs(userMetrics);
				assertThat(context).doesNotHaveBean("mcpToolCallMetrics");
				assertThat(context).hasSingleBean(ApiCallMetrics.class);
			});
	}

	@Test
	void createsNothingWhenDisabled() {
		this.contextRunner.withPropertyValues("mcp.monitoring.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertNoMonitoringBeans(context);
			assertThat(context).hasSingleBean(MeterRegistry.class);
		});
	}

	@Test
	void keepsAnnotationsButNotTheMcpLayerWhenToolMonitoringIsDisabled() {
		this.contextRunner.withPropertyValues("mcp.monitoring.tools.enabled=false")
			.withUserConfiguration(AnnotatedBeansConfiguration.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(ToolCallMetrics.class);
				assertThat(context).doesNotHaveBean(ToolSpecificationInstrumenter.class);
				assertThat(context).doesNotHaveBean(ToolSpecificationsPostProcessor.class);
				assertThat(context).doesNotHaveBean(ToolCalls.class);
				assertThat(context).hasSingleBean(MonitoredMethodInterceptor.class);
				context.getBean(MediaTools.class).thumbnail();
				assertThat(durationCount(context, "thumbnail", "none")).isEqualTo(1);
			});
	}

	@Test
	void toolSpecificationListsAreLeftAloneWhenToolMonitoringIsDisabled() {
		this.contextRunner.withPropertyValues("mcp.monitoring.tools.enabled=false")
			.withUserConfiguration(ToolSpecificationsConfiguration.class)
			.run((context) -> {
				List<?> tools = context.getBean("syncTools", List.class);
				assertThat(tools).singleElement().isSameAs(ToolSpecificationsConfiguration.SPEC);
			});
	}

	@Test
	void createsNoMcpBeansWhenTheMcpSdkIsMissing() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(McpServerFeatures.class))
			.withUserConfiguration(AnnotatedBeansConfiguration.class)
			.run(this::assertAnnotationsWorkWithoutMcpBeans);
	}

	@Test
	void createsNoMcpBeansWhenTheMcpPackageIsMissing() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("io.modelcontextprotocol"))
			.withUserConfiguration(AnnotatedBeansConfiguration.class)
			.run(this::assertAnnotationsWorkWithoutMcpBeans);
	}

	private void assertAnnotationsWorkWithoutMcpBeans(AssertableApplicationContext context) {
		assertThat(context).hasNotFailed();
		assertThat(context).doesNotHaveBean(ToolSpecificationInstrumenter.class);
		assertThat(context).doesNotHaveBean(ToolSpecificationsPostProcessor.class);
		assertThat(context).doesNotHaveBean(ToolCalls.class);
		assertThat(context).hasSingleBean(MonitoredMethodInterceptor.class);
		ApiClient client = context.getBean(ApiClient.class);
		assertThat(AopUtils.isAopProxy(client)).isTrue();
		client.get();
		assertThat(context.getBean(MeterRegistry.class)
			.get(McpMeterNames.API_CALL_DURATION)
			.tag("api", "kaltura.media.get")
			.tag("error.type", "none")
			.timer()
			.count()).isEqualTo(1);
	}

	@Test
	void proxiesFrameworkToolBeansForTheirExceptionTypesUnlessTurnedOff() {
		this.contextRunner.withBean(SearchTools.class).run((context) -> {
			assertThat(AopUtils.isAopProxy(context.getBean(SearchTools.class))).isTrue();
			assertThat(context.getBean(McpMonitoringProperties.class).getTools().isExceptionTypes()).isTrue();
		});
		this.contextRunner.withBean(SearchTools.class)
			.withPropertyValues("mcp.monitoring.tools.exception-types=false")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(AopUtils.isAopProxy(context.getBean(SearchTools.class))).isFalse();
				assertThat(context.getBean(McpMonitoringProperties.class).getTools().isExceptionTypes()).isFalse();
			});
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "mcp.monitoring.max-error-types|0|maxErrorTypes must be at least 1",
			"mcp.monitoring.slow-call-log-interval|-1s|slowCallLogInterval must be zero or positive",
			"mcp.monitoring.tools.slow-threshold|-1s|defaultToolSlowThreshold must be zero or positive",
			"mcp.monitoring.api.slow-threshold|-1s|defaultApiSlowThreshold must be zero or positive",
			"mcp.monitoring.tools.in-flight-sampling-interval|-1ms|period must be positive",
			"mcp.monitoring.tools.in-flight-sampling-interval|0|period must be positive" })
	void failsOnAnInvalidValueNamingItsKey(String key, String value, String reason) {
		this.contextRunner.withPropertyValues(key + "=" + value).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class, (ex) -> {
					assertThat(ex.getName()).isEqualTo(key);
					assertThat(ex.getReason()).isEqualTo(reason);
				});
		});
	}

	@Test
	void countsACallInFlightOnceTheSamplingRunFindsIt() {
		runBlockedCall("20ms", (active) -> awaitActiveTasks(active, 1));
	}

	/**
	 * Run a tool call that blocks until {@code whileBlocked} has checked the in-flight meter, then check that the
	 * call is no longer counted.
	 */
	private void runBlockedCall(String samplingInterval, InFlightCheck whileBlocked) {
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		this.contextRunner.withPropertyValues("mcp.monitoring.tools.in-flight-sampling-interval=" + samplingInterval)
			.withBean("syncTools", List.class, () -> List.of(blockingTool(started, release)))
			.run((context) -> {
				McpServerFeatures.SyncToolSpecification spec = (McpServerFeatures.SyncToolSpecification) context
					.getBean("syncTools", List.class)
					.get(0);
				LongTaskTimer active = context.getBean(MeterRegistry.class)
					.get(McpMeterNames.OPERATION_ACTIVE)
					.tag("gen_ai.tool.name", "get_media_entry")
					.longTaskTimer();
				CompletableFuture<CallToolResult> call = CompletableFuture
					.supplyAsync(() -> spec.callHandler().apply(null, REQUEST));
				try {
					assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
					whileBlocked.check(active);
				}
				finally {
					release.countDown();
				}
				assertThat(call.get(10, TimeUnit.SECONDS).content()).hasSize(1);
				assertThat(active.activeTasks()).isZero();
			});
	}

	@FunctionalInterface
	interface InFlightCheck {

		void check(LongTaskTimer active) throws InterruptedException;

	}

	private static McpServerFeatures.SyncToolSpecification blockingTool(CountDownLatch started,
			CountDownLatch release) {
		return McpServerFeatures.SyncToolSpecification.builder()
			.tool(Tool.builder().name("get_media_entry").description("Get a media entry").build())
			.callHandler((exchange, request) -> {
				started.countDown();
				try {
					assertThat(release.await(10, TimeUnit.SECONDS)).isTrue();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return CallToolResult.builder().addTextContent("entry").build();
			})
			.build();
	}

	private static void awaitActiveTasks(LongTaskTimer active, int expected) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (active.activeTasks() != expected && System.nanoTime() - deadline < 0) {
			Thread.sleep(5);
		}
		assertThat(active.activeTasks()).isEqualTo(expected);
	}

	@Test
	void failsOnAnInvalidThresholdInAnAnnotation() {
		this.contextRunner.withBean(InvalidTools.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining(InvalidTools.class.getName() + ".call");
		});
	}

	@Test
	void instrumentsToolSpecificationListsAndProxiesAnnotatedBeans() {
		this.contextRunner.withUserConfiguration(ToolSpecificationsConfiguration.class, AnnotatedBeansConfiguration.class)
			.run((context) -> {
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				List<?> tools = context.getBean("syncTools", List.class);
				assertThat(tools).hasSize(1);
				assertThat(tools.get(0)).isNotSameAs(ToolSpecificationsConfiguration.SPEC);
				McpServerFeatures.SyncToolSpecification spec = (McpServerFeatures.SyncToolSpecification) tools.get(0);
				assertThat(spec.tool()).isSameAs(ToolSpecificationsConfiguration.SPEC.tool());
				spec.callHandler().apply(null, REQUEST);
				assertThat(durationCount(context, "get_media_entry", "none")).isEqualTo(1);
				assertThat(registry.get(McpMeterNames.TOOLS_REGISTERED).gauge().value()).isEqualTo(1.0);

				ApiClient client = context.getBean(ApiClient.class);
				assertThat(AopUtils.isAopProxy(client)).isTrue();
				assertThat(client.get()).isEqualTo("entry");
				assertThatExceptionOfType(IOException.class).isThrownBy(client::fail);
				assertThat(registry.get(McpMeterNames.API_CALL_DURATION)
					.tag("api", "kaltura.media.get")
					.tag("error.type", "none")
					.timer()
					.count()).isEqualTo(1);
				assertThat(registry.get(McpMeterNames.API_CALL_DURATION)
					.tag("api", "kaltura.media.list")
					.tag("error.type", "IOException")
					.timer()
					.count()).isEqualTo(1);
				assertThat(registry.get(McpMeterNames.API_CONSECUTIVE_FAILURES)
					.tag("api", "kaltura.media.list")
					.gauge()
					.value()).isEqualTo(1.0);
			});
	}

	@Test
	void countsAToolCallThatReachesAMonitoredToolOnceUnderItsName() {
		this.contextRunner.withUserConfiguration(DelegatingToolConfiguration.class, AnnotatedBeansConfiguration.class)
			.run((context) -> {
				List<?> tools = context.getBean("syncTools", List.class);
				McpServerFeatures.SyncToolSpecification spec = (McpServerFeatures.SyncToolSpecification) tools.get(0);
				spec.callHandler().apply(null, REQUEST);
				assertThat(durationCount(context, "thumbnail", "none")).isEqualTo(1);
				assertThat(totalToolCalls(context)).isEqualTo(1);
			});
	}

	@Test
	void countsAnAsyncToolCallWhoseMonitoredToolRunsOnAnotherThreadOnceUnderItsName() {
		this.contextRunner
			.withUserConfiguration(AsyncDelegatingToolConfiguration.class, AnnotatedBeansConfiguration.class)
			.run((context) -> {
				List<?> tools = context.getBean("asyncTools", List.class);
				McpServerFeatures.AsyncToolSpecification spec = (McpServerFeatures.AsyncToolSpecification) tools
					.get(0);
				assertThat(spec.callHandler().apply(null, REQUEST).block(Duration.ofSeconds(10))).isNotNull();
				assertThat(durationCount(context, "thumbnail", "none")).isEqualTo(1);
				assertThat(totalToolCalls(context)).isEqualTo(1);
			});
	}

	@Test
	void cardinalityFilterIsAppliedToTheRegistry() {
		this.contextRunner.withPropertyValues("mcp.monitoring.max-error-types=1")
			.withUserConfiguration(AnnotatedBeansConfiguration.class)
			.run((context) -> {
				ApiClient client = context.getBean(ApiClient.class);
				assertThatExceptionOfType(IOException.class).isThrownBy(client::fail);
				assertThatExceptionOfType(IllegalStateException.class).isThrownBy(client::failDifferently);
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.get(McpMeterNames.API_CALL_DURATION)
					.tag("api", "kaltura.media.list")
					.tag("error.type", "IOException")
					.timer()
					.count()).isEqualTo(1);
				assertThat(registry.get(McpMeterNames.API_CALL_DURATION)
					.tag("api", "kaltura.media.delete")
					.tag("error.type", "other")
					.timer()
					.count()).isEqualTo(1);
			});
	}

	@Test
	void bootSloPropertyOverridesTheDefaultBuckets() {
		this.contextRunner.withPropertyValues("management.metrics.distribution.slo.mcp.server.operation.duration=100ms")
			.withUserConfiguration(ToolSpecificationsConfiguration.class)
			.run((context) -> {
				Timer timer = context.getBean(MeterRegistry.class)
					.get(McpMeterNames.OPERATION_DURATION)
					.tag("gen_ai.tool.name", "get_media_entry")
					.tag("error.type", "none")
					.timer();
				double[] buckets = Arrays.stream(timer.takeSnapshot().histogramCounts())
					.mapToDouble((bucket) -> bucket.bucket(TimeUnit.MILLISECONDS))
					.toArray();
				assertThat(buckets).containsExactly(100.0);
			});
	}

	@Test
	void bootEnablePropertyTurnsTheInFlightMeterOffAndKeepsTheDuration() {
		this.contextRunner.withPropertyValues("management.metrics.enable.mcp.server.operation.active=false")
			.withUserConfiguration(ToolSpecificationsConfiguration.class)
			.run((context) -> {
				List<?> tools = context.getBean("syncTools", List.class);
				McpServerFeatures.SyncToolSpecification spec = (McpServerFeatures.SyncToolSpecification) tools.get(0);
				spec.callHandler().apply(null, REQUEST);
				assertThat(context.getBean(MeterRegistry.class).find(McpMeterNames.OPERATION_ACTIVE).meters())
					.isEmpty();
				assertThat(durationCount(context, "get_media_entry", "none")).isEqualTo(1);
			});
	}

	@Test
	void defaultBucketsApplyWithoutTheSloProperty() {
		this.contextRunner.withUserConfiguration(ToolSpecificationsConfiguration.class).run((context) -> {
			Timer timer = context.getBean(MeterRegistry.class)
				.get(McpMeterNames.OPERATION_DURATION)
				.tag("gen_ai.tool.name", "get_media_entry")
				.tag("error.type", "none")
				.timer();
			assertThat(timer.takeSnapshot().histogramCounts()).hasSize(14);
		});
	}

	@Test
	void bindsThresholdsFromProperties() {
		this.contextRunner
			.withPropertyValues("mcp.monitoring.tools.slow-threshold=750ms", "mcp.monitoring.api.slow-threshold=2s",
					"mcp.monitoring.slow-call-log-interval=30s", "mcp.monitoring.max-error-types=7")
			.run((context) -> {
				McpMonitoringProperties properties = context.getBean(McpMonitoringProperties.class);
				assertThat(properties.getTools().getSlowThreshold()).isEqualTo(Duration.ofMillis(750));
				assertThat(properties.getApi().getSlowThreshold()).isEqualTo(Duration.ofSeconds(2));
				assertThat(properties.getSlowCallLogInterval()).isEqualTo(Duration.ofSeconds(30));
				assertThat(properties.getMaxErrorTypes()).isEqualTo(7);
			});
	}

	static void assertNoMonitoringBeans(AssertableApplicationContext context) {
		assertThat(context).doesNotHaveBean(McpMonitoringProperties.class);
		assertThat(context).doesNotHaveBean(ToolCallMetrics.class);
		assertThat(context).doesNotHaveBean(ApiCallMetrics.class);
		assertThat(context).doesNotHaveBean(ErrorTypeCardinalityFilter.class);
		assertThat(context).doesNotHaveBean(ToolCalls.class);
		assertThat(context).doesNotHaveBean(ToolSpecificationInstrumenter.class);
		assertThat(context).doesNotHaveBean(ToolSpecificationsPostProcessor.class);
		assertThat(context).doesNotHaveBean(MonitoredMethodInterceptor.class);
		assertThat(context).doesNotHaveBean("mcpMonitoredMethodAdvisor");
	}

	private static long durationCount(AssertableApplicationContext context, String tool, String errorType) {
		Timer timer = context.getBean(MeterRegistry.class)
			.find(McpMeterNames.OPERATION_DURATION)
			.tag("gen_ai.tool.name", tool)
			.tag("error.type", errorType)
			.timer();
		assertThat(timer).as("timer of %s with error.type %s", tool, errorType).isNotNull();
		return timer.count();
	}

	private static long totalToolCalls(AssertableApplicationContext context) {
		return context.getBean(MeterRegistry.class)
			.find(McpMeterNames.OPERATION_DURATION)
			.timers()
			.stream()
			.mapToLong(Timer::count)
			.sum();
	}

	@Configuration(proxyBeanMethods = false)
	static class ToolSpecificationsConfiguration {

		static final McpServerFeatures.SyncToolSpecification SPEC = McpServerFeatures.SyncToolSpecification.builder()
			.tool(Tool.builder().name("get_media_entry").description("Get a media entry").build())
			.callHandler((exchange, request) -> CallToolResult.builder().addTextContent("entry").build())
			.build();

		@Bean
		List<McpServerFeatures.SyncToolSpecification> syncTools() {
			return List.of(SPEC);
		}

		@Bean
		List<String> notTools() {
			return List.of("a");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class DelegatingToolConfiguration {

		@Bean
		List<McpServerFeatures.SyncToolSpecification> syncTools(MediaTools mediaTools) {
			return List.of(McpServerFeatures.SyncToolSpecification.builder()
				.tool(Tool.builder().name("get_thumbnail_url").description("Thumbnail").build())
				.callHandler((exchange, request) -> CallToolResult.builder()
					.addTextContent(mediaTools.thumbnail())
					.build())
				.build());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class AsyncDelegatingToolConfiguration {

		@Bean
		List<McpServerFeatures.AsyncToolSpecification> asyncTools(MediaTools mediaTools) {
			// The tool method runs on another thread than the one that subscribes: only what was registered when
			// its bean was initialised can name the call.
			return List.of(McpServerFeatures.AsyncToolSpecification.builder()
				.tool(Tool.builder().name("get_thumbnail_url").description("Thumbnail").build())
				.callHandler((exchange, request) -> Mono
					.fromCallable(() -> CallToolResult.builder().addTextContent(mediaTools.thumbnail()).build())
					.subscribeOn(Schedulers.boundedElastic()))
				.build());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class AnnotatedBeansConfiguration {

		@Bean
		ApiClient apiClient() {
			return new ApiClient();
		}

		@Bean
		MediaTools mediaTools() {
			return new MediaTools();
		}

	}

	public static class ApiClient {

		@MonitoredApiCall("kaltura.media.get")
		public String get() {
			return "entry";
		}

		@MonitoredApiCall("kaltura.media.list")
		public String fail() throws IOException {
			throw new IOException();
		}

		@MonitoredApiCall("kaltura.media.delete")
		public String failDifferently() {
			throw new IllegalStateException();
		}

	}

	public static class MediaTools {

		@org.springframework.ai.tool.annotation.Tool(name = "get_thumbnail_url", description = "Thumbnail URL")
		@MonitoredTool(name = "thumbnail")
		public String thumbnail() {
			return "https://example.com/thumb.jpg";
		}

	}

	public static class SearchTools {

		@org.springframework.ai.tool.annotation.Tool(name = "search_entries", description = "Search entries")
		public String search() {
			return "found";
		}

	}

	public static class InvalidTools {

		@MonitoredTool(slowThreshold = "whenever")
		public String call() {
			return "never called";
		}

	}

}
