package io.github.mcpmonitoring.sample.config;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.web.server.ConfigurableWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * Tests for {@link ManagementServerAddressConfiguration}, with no management server properties bean, as Boot 4 has none
 * when the actuator shares the application's port.
 */
class ManagementServerAddressConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withUserConfiguration(ManagementServerAddressConfiguration.class);

	@Test
	void bindsTheManagementServerToTheServerAddress() {
		this.contextRunner.withPropertyValues("server.address=127.0.0.1").run((context) -> {
			ConfigurableWebServerFactory factory = mock(ConfigurableWebServerFactory.class);
			customizer(context.getBean(WebServerFactoryCustomizer.class)).customize(factory);
			verify(factory).setAddress(InetAddress.getByName("127.0.0.1"));
		});
	}

	@Test
	void leavesAnExplicitManagementAddressToBoot() {
		this.contextRunner.withPropertyValues("server.address=127.0.0.1", "management.server.address=127.0.0.2")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				ConfigurableWebServerFactory factory = mock(ConfigurableWebServerFactory.class);
				customizer(context.getBean(WebServerFactoryCustomizer.class)).customize(factory);
				verify(factory, never()).setAddress(any());
			});
	}

	@SuppressWarnings("unchecked")
	private static WebServerFactoryCustomizer<ConfigurableWebServerFactory> customizer(
			WebServerFactoryCustomizer<?> customizer) {
		return (WebServerFactoryCustomizer<ConfigurableWebServerFactory>) customizer;
	}

}
