package io.github.mcpmonitoring.sample.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample as it ships: the actuator answers on its own management port and not on the port MCP clients use, and
 * both listen on the loopback address only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "server.shutdown=immediate")
class ManagementPortEndToEndTests {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	@Autowired
	private WebServerAddresses webServerAddresses;

	@Test
	void theActuatorAnswersOnlyOnTheManagementPort() throws Exception {
		assertThat(this.managementPort).isNotEqualTo(this.port);
		for (String path : new String[] { "/actuator/health", "/actuator/prometheus", "/actuator/mcp",
				"/actuator/metrics", "/actuator/mcpstatus", "/actuator/mcpstatus/data" }) {
			assertThat(status(this.port, path)).as("%s on the MCP port", path).isEqualTo(404);
			assertThat(status(this.managementPort, path)).as("%s on the management port", path).isEqualTo(200);
		}
		assertThat(status(this.managementPort, "/mcp")).as("/mcp on the management port").isEqualTo(404);
	}

	@Test
	void bothPortsListenOnLoopbackOnly() {
		assertThat(this.webServerAddresses.addresses()).containsOnlyKeys("server", "management")
			.allSatisfy((namespace, address) -> assertThat(address).as("%s listens on", namespace)
				.isEqualTo("127.0.0.1"));
	}

	private static int status(int port, String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(10))
			.build();
		return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class WebServersConfiguration {

		@Bean
		WebServerAddresses webServerAddresses() {
			return new WebServerAddresses();
		}

	}

}
