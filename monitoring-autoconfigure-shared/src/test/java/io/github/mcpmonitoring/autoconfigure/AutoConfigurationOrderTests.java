package io.github.mcpmonitoring.autoconfigure;

import io.github.mcpmonitoring.alerts.AlertEvaluator;
import io.github.mcpmonitoring.autoconfigure.McpMonitoringAutoConfigurationTests.AnnotatedBeansConfiguration;
import io.github.mcpmonitoring.autoconfigure.McpMonitoringAutoConfigurationTests.ApiClient;
import io.github.mcpmonitoring.core.ApiCallMetrics;
import io.github.mcpmonitoring.core.ToolCallMetrics;
import io.github.mcpmonitoring.endpoint.McpEndpoint;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.aop.support.AopUtils;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's auto-configurations with Boot's real ones, as an application has them: they run after Boot's
 * metrics however they are listed, because their {@code after} names this generation's classes (a name of the other
 * generation would be ignored without a word), and the annotation advisor applies with Boot's plain auto-proxy
 * creator too, the only one Boot registers without AspectJ.
 */
class AutoConfigurationOrderTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(McpAlertsAutoConfiguration.class, McpEndpointAutoConfiguration.class,
				McpHealthAutoConfiguration.class, McpMonitoringAutoConfiguration.class,
				McpSystemMemoryAutoConfiguration.class, McpToolMetricsAutoConfiguration.class,
				MonitoredAnnotationsAutoConfiguration.class))
		.withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class, EndpointAutoConfiguration.class,
				WebEndpointAutoConfiguration.class))
		.withConfiguration(BootAutoConfigurations.health())
		.withConfiguration(BootAutoConfigurations.metrics())
		.withPropertyValues("management.endpoints.web.exposure.include=health,mcp")
		.withUserConfiguration(AnnotatedBeansConfiguration.class);

	@Test
	void runsAfterBootsMetricsListedLast() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(ToolCallMetrics.class);
			assertThat(context).hasSingleBean(ApiCallMetrics.class);
			assertThat(context).hasSingleBean(AlertEvaluator.class);
			assertThat(context).hasSingleBean(McpEndpoint.class);
			assertThat(BootHealth.isContributed(context, "recentErrors")).isTrue();
			assertThat(BootHealth.isContributed(context, "alerts")).isTrue();
			context.getBean(ApiClient.class).get();
			assertThat(apiCalls(context)).isEqualTo(1);
		});
	}

	@Test
	void appliesTheAnnotationAdvisorWithoutAspectJ() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.aspectj")).run((context) -> {
			assertThat(context).hasNotFailed();
			ApiClient client = context.getBean(ApiClient.class);
			assertThat(AopUtils.isAopProxy(client)).isTrue();
			client.get();
			assertThat(apiCalls(context)).isEqualTo(1);
		});
	}

	private static long apiCalls(ApplicationContext context) {
		return context.getBean(MeterRegistry.class)
			.get("mcp.api.call.duration")
			.tag("api", "kaltura.media.get")
			.timer()
			.count();
	}

}
