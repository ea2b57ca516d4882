package io.github.mcpmonitoring.requests;

import io.github.mcpmonitoring.autoconfigure.McpRequestMetricsAutoConfiguration;
import io.github.mcpmonitoring.core.OperationTags;
import io.github.mcpmonitoring.core.ToolCallMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.modelcontextprotocol.spec.McpServerTransportProviderBase;
import io.modelcontextprotocol.spec.McpStreamableServerSession;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * The decorator of the MCP transport is there only for exactly one transport, and not when switched off.
 */
class McpRequestMetricsAutoConfigurationBackOffTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(McpRequestMetricsAutoConfiguration.class))
		.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
		.withBean(ToolCallMetrics.class, () -> mock(ToolCallMetrics.class, (invocation) -> OperationTags.NONE));

	@Test
	void decoratesTheOneProvider() {
		this.contextRunner.withUserConfiguration(OneProvider.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(McpServerTransportProviderBase.class))
				.isInstanceOf(MonitoredStreamableServerTransportProvider.class);
			assertThat(((MonitoredStreamableServerTransportProvider) context
				.getBean(McpServerTransportProviderBase.class)).delegate())
				.isSameAs(context.getBean("provider"));
		});
	}

	@Test
	void backsOffWithTwoProviders() {
		this.contextRunner.withUserConfiguration(OneProvider.class, SecondProvider.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBeansOfType(McpServerTransportProviderBase.class)).containsOnlyKeys("provider",
					"secondProvider");
		});
	}

	@Test
	void backsOffWhenSwitchedOff() {
		this.contextRunner.withUserConfiguration(OneProvider.class)
			.withPropertyValues("mcp.monitoring.requests.enabled=false")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(McpRequestMetrics.class);
				assertThat(context.getBeansOfType(McpServerTransportProviderBase.class)).containsOnlyKeys("provider");
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class OneProvider {

		@Bean
		McpStreamableServerTransportProvider provider() {
			return new FakeProvider();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SecondProvider {

		@Bean
		McpStreamableServerTransportProvider secondProvider() {
			return new FakeProvider();
		}

	}

	static final class FakeProvider implements McpStreamableServerTransportProvider {

		@Override
		public void setSessionFactory(McpStreamableServerSession.Factory sessionFactory) {
		}

		@Override
		public Mono<Void> notifyClients(String method, Object params) {
			return Mono.empty();
		}

		@Override
		public Mono<Void> closeGracefully() {
			return Mono.empty();
		}

	}

}
