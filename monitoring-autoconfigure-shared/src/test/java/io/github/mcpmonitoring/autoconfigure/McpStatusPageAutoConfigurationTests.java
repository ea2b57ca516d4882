package io.github.mcpmonitoring.autoconfigure;

import java.time.Clock;
import java.time.Duration;

import io.github.mcpmonitoring.core.ErrorTypes;
import io.github.mcpmonitoring.core.ToolCallMetrics;
import io.github.mcpmonitoring.core.ToolCallRecorder;
import io.github.mcpmonitoring.endpoint.McpEndpoint;
import io.github.mcpmonitoring.endpoint.McpStatusEndpoint;
import io.github.mcpmonitoring.summary.ActivityHistory;
import io.github.mcpmonitoring.summary.McpStatus;
import io.github.mcpmonitoring.summary.McpStatus.StatusDescriptor;
import io.github.mcpmonitoring.summary.McpSummary;
import io.github.mcpmonitoring.summary.ProcessFigures;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link McpStatusPageAutoConfiguration}.
 */
class McpStatusPageAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(BootAutoConfigurations.metrics())
		.withConfiguration(AutoConfigurations.of(EndpointAutoConfiguration.class, WebEndpointAutoConfiguration.class,
				McpMonitoringAutoConfiguration.class, McpAlertsAutoConfiguration.class,
				McpEndpointAutoConfiguration.class, McpStatusPageAutoConfiguration.class))
		.withPropertyValues("management.endpoints.web.exposure.include=health,mcpstatus");

	@Test
	void servesThePageWhenItIsExposed() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(ActivityHistory.class);
			McpStatusEndpoint endpoint = context.getBean(McpStatusEndpoint.class);
			assertThat(endpoint.page()).contains("<title>MCP server status</title>");
			ToolCallRecorder recorder = context.getBean(ToolCallMetrics.class).recorder("list_media");
			recorder.record(recorder.monotonicTime(), null, ErrorTypes.NONE, Long.MAX_VALUE, null);
			StatusDescriptor status = endpoint.data(McpStatusEndpoint.DATA);
			assertThat(status.summary().tools().get("list_media").calls()).isEqualTo(1);
			assertThat(status.summary().window()).isEqualTo("PT5M");
			assertThat(status.activity().tools()).containsKey("list_media");
		});
	}

	@Test
	void readsTheSameSummaryAsTheMcpEndpoint() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=mcp,mcpstatus")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).hasSingleBean(McpSummary.class).hasSingleBean(McpEndpoint.class);
				assertThat(context).hasSingleBean(McpStatusEndpoint.class);
			});
	}

	@Test
	void doesNothingUnlessTheEndpointIsExposed() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=health,mcp").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(McpStatusEndpoint.class).doesNotHaveBean(ActivityHistory.class);
			assertThat(context).hasSingleBean(McpEndpoint.class);
		});
	}

	@Test
	void doesNothingWhenSwitchedOff() {
		this.contextRunner.withPropertyValues("mcp.monitoring.status-page.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(McpStatusEndpoint.class).doesNotHaveBean(ActivityHistory.class);
		});
	}

	@Test
	void doesNothingWhenTheStarterIsOff() {
		this.contextRunner.withPropertyValues("mcp.monitoring.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(McpStatusEndpoint.class));
	}

	@Test
	void doesNothingWithoutTheActuator() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate.endpoint"))
			.run((context) -> assertThat(context).doesNotHaveBean(McpStatusEndpoint.class));
	}

	@Test
	void worksWithoutTheAlertEvaluator() {
		this.contextRunner.withPropertyValues("mcp.monitoring.alerts.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			StatusDescriptor status = context.getBean(McpStatusEndpoint.class).data(McpStatusEndpoint.DATA);
			assertThat(status.summary().alerts()).isNull();
			assertThat(status.summary().window()).isNull();
		});
	}

	@Test
	void backsOffForTheApplicationsOwnEndpoint() {
		this.contextRunner.withUserConfiguration(OwnEndpoint.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).getBean(McpStatusEndpoint.class).isSameAs(context.getBean("ownStatusEndpoint"));
		});
	}

	@Test
	void failsStartupOnARefreshIntervalUnderASecond() {
		this.contextRunner.withPropertyValues("mcp.monitoring.status-page.refresh-interval=200ms").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("mcp.monitoring.status-page.refresh-interval");
		});
	}

	@Test
	void failsStartupOnAHistorySpanShorterThanAMinute() {
		this.contextRunner.withPropertyValues("mcp.monitoring.status-page.history-span=30s").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("mcp.monitoring.status-page.history-span");
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnEndpoint {

		@Bean
		McpStatusEndpoint ownStatusEndpoint(McpSummary summary, ActivityHistory activity, MeterRegistry registry) {
			McpStatus status = new McpStatus(summary, activity, new ProcessFigures(registry), Clock.systemUTC());
			return new McpStatusEndpoint(status, Duration.ofSeconds(10));
		}

	}

}
