package io.github.mcpmonitoring.sample.config;

import java.net.InetAddress;

import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.server.ConfigurableWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

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

	// Read from the environment rather than from ServerProperties, whose package differs between Boot 3.5 and 4, and
	// ManagementServerProperties, which Boot 4 registers only when the actuator has a port of its own.
	@Bean
	ManagementAddressCustomizer managementAddressFollowsServerAddress(Environment environment) {
		Binder binder = Binder.get(environment);
		InetAddress serverAddress = binder.bind("server.address", InetAddress.class).orElse(null);
		InetAddress managementAddress = binder.bind("management.server.address", InetAddress.class).orElse(null);
		return new ManagementAddressCustomizer(serverAddress, managementAddress);
	}

	/**
	 * Applies {@code server.address} after Boot's own management customizer, which runs at order 0.
	 */
	static final class ManagementAddressCustomizer
			implements WebServerFactoryCustomizer<ConfigurableWebServerFactory>, Ordered {

		private final InetAddress serverAddress;

		private final InetAddress managementAddress;

		ManagementAddressCustomizer(InetAddress serverAddress, InetAddress managementAddress) {
			this.serverAddress = serverAddress;
			this.managementAddress = managementAddress;
		}

		@Override
		public void customize(ConfigurableWebServerFactory factory) {
			if (this.managementAddress == null) {
				factory.setAddress(this.serverAddress);
			}
		}

		@Override
		public int getOrder() {
			return 1;
		}

	}

}
