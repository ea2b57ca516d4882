package io.github.mcpmonitoring.sample.e2e;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code Origin} check in front of the MCP endpoint, over real HTTP: a web page of a foreign origin gets 403 with
 * a message naming the allow-list, a local page and a client that sends no {@code Origin} (a real MCP client) get
 * through, on the streamable transport and on SSE's own paths.
 */
class OriginCheckEndToEndTests {

	private static final String INITIALIZE = """
			{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",
			"capabilities":{},"clientInfo":{"name":"origin-test","version":"1"}}}""";

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Nested
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
			properties = "server.shutdown=immediate")
	class Streamable {

		@LocalServerPort
		private int port;

		@Test
		void aForeignOriginGets403WithAClearMessage() throws Exception {
			for (String origin : new String[] { "http://evil.example", "http://localhost.evil.example:" + this.port,
					"null" }) {
				HttpResponse<String> response = initialize(origin);
				assertThat(response.statusCode()).as("status for Origin %s", origin).isEqualTo(403);
				assertThat(response.body()).contains("Forbidden", "web origin", "sample.mcp.allowed-origins");
				assertThat(response.headers().firstValue("Mcp-Session-Id")).isEmpty();
			}
		}

		@Test
		void aLocalOriginGetsASession() throws Exception {
			HttpResponse<String> response = initialize("http://localhost:" + this.port);
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue("Mcp-Session-Id")).isPresent();
		}

		@Test
		void aClientWithoutOriginIsServed() {
			McpSyncClient client = McpClient
				.sync(HttpClientStreamableHttpTransport.builder("http://localhost:" + this.port)
					.endpoint("/mcp")
					.build())
				.requestTimeout(Duration.ofSeconds(30))
				.build();
			try {
				client.initialize();
				assertThat(client.listTools().tools()).isNotEmpty();
			}
			finally {
				client.closeGracefully();
			}
		}

		private HttpResponse<String> initialize(String origin) throws Exception {
			HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/mcp"))
				.header("Origin", origin)
				.header("Content-Type", "application/json")
				.header("Accept", "application/json, text/event-stream")
				.POST(HttpRequest.BodyPublishers.ofString(INITIALIZE))
				.timeout(Duration.ofSeconds(30))
				.build();
			return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
		}

	}

	@Nested
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
			properties = { "spring.ai.mcp.server.protocol=SSE", "server.shutdown=immediate" })
	class Sse {

		@LocalServerPort
		private int port;

		@Test
		void theSseStreamIsRefusedToAForeignOriginOnly() throws Exception {
			assertThat(openSse("http://evil.example")).isEqualTo(403);
			assertThat(openSse(null)).isEqualTo(200);
		}

		private int openSse(String origin) throws Exception {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/sse"))
				.header("Accept", "text/event-stream")
				.timeout(Duration.ofSeconds(30));
			if (origin != null) {
				request.header("Origin", origin);
			}
			// The stream stays open: only the status line and headers are waited for.
			HttpResponse<InputStream> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
			response.body().close();
			return response.statusCode();
		}

	}

}
