package io.github.mcpmonitoring.sample.config;

import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementServerProperties;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.web.server.ConfigurableWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * Binds the actuator's own port to {@code server.address} unless {@code management.server.address} is set: Boot would
 * bind it to every interface, so a sample that listens on loopback would publish its actuator to the network.
 * Setting the address in {@code application.yml} instead would make it impossible to move the actuator back to the
 * MCP port ({@code management.server.port} empty), which Boot refuses while a management address is set.
 * <p>
 * Registered for the management context; component scanning also puts it in the application context, where Boot has
 * already bound the server to {@code server.address}, so it changes nothing there.
 */
@ManagementContextConfiguration(value = ManagementContextType.CHILD, proxyBeanMethods = false)
public class ManagementServerAddressConfiguration {

	@Bean
	ManagementAddressCustomizer managementAddressFollowsServerAddress(ServerProperties server,
			ManagementServerProperties management) {
		return new ManagementAddressCustomizer(server, management);
	}

	/**
	 * Applies {@code server.address} after Boot's own management customizer, which runs at order 0.
	 */
	static final class ManagementAddressCustomizer
			implements WebServerFactoryCustomizer<ConfigurableWebServerFactory>, Ordered {

		private final ServerProperties server;

		private final ManagementServerProperties management;

		ManagementAddressCustomizer(ServerProperties server, ManagementServerProperties management) {
			this.server = server;
			this.management = management;
		}

		@Override
		public void customize(ConfigurableWebServerFactory factory) {
			if (this.management.getAddress() == null) {
				factory.setAddress(this.server.getAddress());
			}
		}

		@Override
		public int getOrder() {
			return 1;
		}

	}

}
