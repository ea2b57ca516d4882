package io.github.mcpmonitoring.autoconfigure;

import io.github.mcpmonitoring.autoconfigure.McpMonitoringAutoConfigurationTests.AnnotatedBeansConfiguration;
import io.github.mcpmonitoring.autoconfigure.McpMonitoringAutoConfigurationTests.ApiClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.aop.support.AopUtils;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the auto-configurations of the starter in applications without Boot's metrics support: without the
 * actuator or without a {@link MeterRegistry}, they back off silently.
 */
class McpMonitoringAutoConfigurationWithoutMetricsTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class, McpMonitoringAutoConfiguration.class,
				McpToolMetricsAutoConfiguration.class, MonitoredAnnotationsAutoConfiguration.class))
		.withUserConfiguration(AnnotatedBeansConfiguration.class);

	@Test
	void backsOffSilentlyWithoutAMeterRegistry() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(MeterRegistry.class);
			McpMonitoringAutoConfigurationTests.assertNoMonitoringBeans(context);
			ApiClient client = context.getBean(ApiClient.class);
			assertThat(AopUtils.isAopProxy(client)).isFalse();
			assertThat(client.get()).isEqualTo("entry");
		});
	}

	@Test
	void backsOffSilentlyWithoutActuatorEvenWithAMeterRegistry() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(BootAutoConfigurations.metricsAutoConfiguration()))
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).hasSingleBean(MeterRegistry.class);
				McpMonitoringAutoConfigurationTests.assertNoMonitoringBeans(context);
				assertThat(AopUtils.isAopProxy(context.getBean(ApiClient.class))).isFalse();
			});
	}

	@Test
	void worksWithAUserMeterRegistryWhenActuatorIsPresent() {
		this.contextRunner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run((context) -> {
			assertThat(context).hasNotFailed();
			ApiClient client = context.getBean(ApiClient.class);
			assertThat(AopUtils.isAopProxy(client)).isTrue();
			client.get();
			assertThat(context.getBean(MeterRegistry.class)
				.get("mcp.api.call.duration")
				.tag("api", "kaltura.media.get")
				.timer()
				.count()).isEqualTo(1);
		});
	}

}
