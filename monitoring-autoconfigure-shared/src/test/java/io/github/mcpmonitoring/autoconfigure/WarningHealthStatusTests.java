package io.github.mcpmonitoring.autoconfigure;

import java.time.Duration;

import io.github.mcpmonitoring.core.ApiCallRecorder;
import io.github.mcpmonitoring.core.ApiCallMetrics;
import io.github.mcpmonitoring.health.McpHealthStatus;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What Boot's own aggregation and HTTP mapping make of the {@code WARNING} status of the components fed by request
 * outcomes: with Boot's defaults it changes neither the aggregate status nor the 200; configured the Boot way, it
 * shows in the aggregate and still answers 200, while {@code DOWN} keeps its 503.
 */
class WarningHealthStatusTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(BootAutoConfigurations.metrics())
		.withConfiguration(BootAutoConfigurations.health())
		.withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class, EndpointAutoConfiguration.class,
				McpMonitoringAutoConfiguration.class, McpHealthAutoConfiguration.class))
		.withPropertyValues("mcp.monitoring.health.refresh-interval=100ms",
				"mcp.monitoring.health.recent-errors.critical-count=1", "management.health.memory.enabled=false");

	@Test
	void withBootsDefaultsTheAggregateStaysUpAndAnswers200() {
		this.contextRunner.run((context) -> {
			failUpstreamCall(context);
			awaitRecentErrorsWarning(context);
			assertThat(BootHealth.aggregateStatus(context)).isEqualTo("UP");
			assertThat(BootHealth.httpStatus(context, McpHealthStatus.WARNING.getCode())).isEqualTo(200);
			assertThat(BootHealth.httpStatus(context, "DOWN")).isEqualTo(503);
		});
	}

	@Test
	void withTheDocumentedOrderAndMappingTheAggregateIsWarningAndStill200() {
		this.contextRunner
			.withPropertyValues("management.endpoint.health.status.order=down,out-of-service,warning,up,unknown",
					"management.endpoint.health.status.http-mapping.down=503",
					"management.endpoint.health.status.http-mapping.out-of-service=503",
					"management.endpoint.health.status.http-mapping.warning=200")
			.run((context) -> {
				failUpstreamCall(context);
				awaitRecentErrorsWarning(context);
				String aggregate = BootHealth.aggregateStatus(context);
				assertThat(aggregate).isEqualTo(McpHealthStatus.WARNING.getCode());
				assertThat(BootHealth.httpStatus(context, aggregate)).isEqualTo(200);
				assertThat(BootHealth.httpStatus(context, "DOWN")).isEqualTo(503);
			});
	}

	private static void failUpstreamCall(AssertableApplicationContext context) {
		ApiCallRecorder recorder = context.getBean(ApiCallMetrics.class).recorder("kaltura.media.get");
		recorder.record(recorder.monotonicTime(), new IllegalStateException("upstream failed"), Long.MAX_VALUE);
	}

	private static void awaitRecentErrorsWarning(AssertableApplicationContext context) {
		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> McpHealthStatus.WARNING.getCode()
				.equals(BootHealth.component(context, "recentErrorsHealthIndicator").status()));
	}

}
