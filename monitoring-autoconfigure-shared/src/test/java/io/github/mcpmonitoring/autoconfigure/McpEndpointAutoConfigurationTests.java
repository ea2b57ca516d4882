package io.github.mcpmonitoring.autoconfigure;

import java.time.Duration;

import io.github.mcpmonitoring.core.ApiCallMetrics;
import io.github.mcpmonitoring.core.ErrorTypes;
import io.github.mcpmonitoring.core.ToolCallMetrics;
import io.github.mcpmonitoring.core.ToolCallRecorder;
import io.github.mcpmonitoring.endpoint.McpEndpoint;
import io.github.mcpmonitoring.errors.RecentErrors;
import io.github.mcpmonitoring.summary.McpSummary.McpDescriptor;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link McpEndpointAutoConfiguration}.
 */
class McpEndpointAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(BootAutoConfigurations.metrics())
		.withConfiguration(AutoConfigurations.of(EndpointAutoConfiguration.class, WebEndpointAutoConfiguration.class,
				McpMonitoringAutoConfiguration.class, McpAlertsAutoConfiguration.class, McpEndpointAutoConfiguration.class))
		.withPropertyValues("management.endpoints.web.exposure.include=health,mcp");

	@Test
	void showsToolsAndAlertsWhenTheEvaluatorRuns() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			McpDescriptor summary = summaryAfterOneCall(context.getBean(ToolCallMetrics.class),
					context.getBean(McpEndpoint.class));
			assertThat(summary.tools()).containsKey("list_media");
			assertThat(summary.window()).isEqualTo("PT5M");
			assertThat(summary.alerts()).isNotNull();
		});
	}

	@Test
	void showsToolsWithoutAlertsWhenAlertsAreOff() {
		this.contextRunner.withPropertyValues("mcp.monitoring.alerts.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			McpDescriptor summary = summaryAfterOneCall(context.getBean(ToolCallMetrics.class),
					context.getBean(McpEndpoint.class));
			assertThat(summary.tools()).containsKey("list_media");
			assertThat(summary.tools().get("list_media").calls()).isEqualTo(1);
			assertThat(summary.alerts()).isNull();
		});
	}

	@Test
	void doesNothingUnlessTheEndpointIsExposed() {
		new ApplicationContextRunner().withConfiguration(BootAutoConfigurations.metrics())
			.withConfiguration(AutoConfigurations.of(EndpointAutoConfiguration.class,
					WebEndpointAutoConfiguration.class, McpMonitoringAutoConfiguration.class,
					McpEndpointAutoConfiguration.class))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(McpEndpoint.class);
			});
	}

	@Test
	void doesNothingWhenTheStarterIsOff() {
		this.contextRunner.withPropertyValues("mcp.monitoring.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(McpEndpoint.class));
	}

	@Test
	void doesNothingWithoutTheActuator() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate.endpoint"))
			.run((context) -> assertThat(context).doesNotHaveBean(McpEndpoint.class));
	}

	@Test
	void backsOffForTheApplicationsOwnEndpoint() {
		this.contextRunner.withUserConfiguration(OwnEndpoint.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).getBean(McpEndpoint.class).isSameAs(context.getBean("ownMcpEndpoint"));
		});
	}

	private static McpDescriptor summaryAfterOneCall(ToolCallMetrics tools, McpEndpoint endpoint) {
		ToolCallRecorder recorder = tools.recorder("list_media");
		recorder.record(recorder.monotonicTime(), null, ErrorTypes.NONE, Long.MAX_VALUE, null);
		return endpoint.summary();
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnEndpoint {

		@Bean
		McpEndpoint ownMcpEndpoint(MeterRegistry registry, ApiCallMetrics apis, RecentErrors recentErrors) {
			return new McpEndpoint(registry, apis, recentErrors, null, Duration.ofMinutes(1), null);
		}

	}

}
