package io.github.mcpmonitoring.autoconfigure;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.context.properties.ConfigurationPropertiesReportEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.env.EnvironmentEndpointAutoConfiguration;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link McpSanitizingAutoConfiguration}: the starter's own secret-holding keys stay masked on
 * {@code /actuator/env} and {@code /actuator/configprops}, even when those endpoints are told to show values.
 */
class SensitivePropertiesTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(BootAutoConfigurations.metrics())
		.withConfiguration(BootAutoConfigurations.health())
		.withConfiguration(AutoConfigurations.of(EndpointAutoConfiguration.class,
				EnvironmentEndpointAutoConfiguration.class, ConfigurationPropertiesReportEndpointAutoConfiguration.class,
				McpMonitoringAutoConfiguration.class, McpSystemMemoryAutoConfiguration.class,
				McpHealthAutoConfiguration.class, McpAlertsAutoConfiguration.class, McpPeersAutoConfiguration.class,
				McpSanitizingAutoConfiguration.class))
		.withPropertyValues("management.endpoints.web.exposure.include=env,configprops",
				"management.endpoint.env.show-values=always", "management.endpoint.configprops.show-values=always",
				"mcp.monitoring.health.recent-errors.capacity=777",
				"mcp.monitoring.health.recent-errors.redacted-values=first-s3cr3t,second-s3cr3t",
				"mcp.monitoring.alerts.webhook.url=http://localhost:9/alerts",
				"mcp.monitoring.alerts.webhook.headers.Authorization=Bearer header-s3cr3t",
				"mcp.monitoring.peers.gateway.url=http://localhost:9/gateway",
				"mcp.monitoring.peers.gateway.headers.Authorization=Bearer peer-s3cr3t");

	@Test
	void environmentEndpointMasksTheSecretsAndShowsTheRest() {
		this.contextRunner.run((context) -> {
			String env = json(context, context.getBean(EnvironmentEndpoint.class).environment(null));
			assertThat(env).contains("777")
				.contains("http://localhost:9/alerts")
				.contains("http://localhost:9/gateway")
				.doesNotContain("s3cr3t");
		});
	}

	@Test
	void environmentEndpointMasksTheSecretsPassedAsEnvironmentVariablesAndListEntries() {
		this.contextRunner
			.withSystemProperties("MCP_MONITORING_HEALTH_RECENTERRORS_REDACTEDVALUES=env-s3cr3t",
					"mcp.monitoring.health.recent-errors.redacted-values[1]=indexed-s3cr3t")
			.run((context) -> {
				String env = json(context, context.getBean(EnvironmentEndpoint.class).environment(null));
				assertThat(env).contains("777").doesNotContain("s3cr3t");
			});
	}

	@Test
	void configurationPropertiesEndpointMasksTheSecretsAndShowsTheRest() {
		this.contextRunner.run((context) -> {
			String configprops = json(context,
					context.getBean(ConfigurationPropertiesReportEndpoint.class).configurationProperties());
			assertThat(configprops).contains("777")
				.contains("http://localhost:9/alerts")
				.contains("http://localhost:9/gateway")
				.doesNotContain("s3cr3t");
		});
	}

	@Test
	void masksTheSecretsWithMonitoringSwitchedOffToo() {
		this.contextRunner.withPropertyValues("mcp.monitoring.enabled=false").run((context) -> {
			String env = json(context, context.getBean(EnvironmentEndpoint.class).environment(null));
			assertThat(env).contains("777").doesNotContain("s3cr3t");
		});
	}

	@Test
	void backsOffWhenTheApplicationDefinesAFunctionOfTheSameName() {
		this.contextRunner
			.withBean("mcpSanitizingFunction", SanitizingFunction.class, () -> (data) -> data)
			.run((context) -> assertThat(context).doesNotHaveBean(McpSanitizingFunction.class));
	}

	@Test
	void keepsOtherSanitizingFunctionsOfTheApplication() {
		this.contextRunner.withBean("applicationSanitizingFunction", SanitizingFunction.class, () -> (data) -> data)
			.run((context) -> assertThat(context).hasSingleBean(McpSanitizingFunction.class));
	}

	@Test
	void doesNothingWithoutTheActuator() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(SanitizingFunction.class))
			.run((context) -> assertThat(context).doesNotHaveBean(McpSanitizingFunction.class));
	}

	private static String json(AssertableApplicationContext context, Object descriptor) throws Exception {
		assertThat(context).hasNotFailed();
		return new ObjectMapper().writeValueAsString(descriptor);
	}

}
