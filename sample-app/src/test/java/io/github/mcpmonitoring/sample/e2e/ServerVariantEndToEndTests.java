package io.github.mcpmonitoring.sample.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientSseClientTransport;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every server type and protocol Spring AI offers, each on the sample with a real MCP client: calls are counted
 * once, with the exception type of a tool that threw. The default (SYNC, STREAMABLE) is covered in depth by
 * {@link McpToolMetricsEndToEndTest}.
 */
class ServerVariantEndToEndTests {

	private static final String CALLS = "mcp_server_operation_duration_seconds_count";

	/**
	 * Graceful shutdown would wait 30 s at the end of the run for the SSE streams Spring AI's servers keep open.
	 */
	static final String SHUTDOWN_IMMEDIATELY = "server.shutdown=immediate";

	@Nested
	@AutoConfigureObservability
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
			properties = { "spring.ai.mcp.server.type=SYNC", "spring.ai.mcp.server.protocol=SSE",
					SHUTDOWN_IMMEDIATELY })
	class SyncSse extends Variant {

		SyncSse() {
			super(Transport.SSE, List.of("list_categories", "get_session_info"));
		}

	}

	@Nested
	@AutoConfigureObservability
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
			properties = { "spring.ai.mcp.server.type=SYNC", "spring.ai.mcp.server.protocol=STATELESS",
					SHUTDOWN_IMMEDIATELY })
	class SyncStateless extends Variant {

		SyncStateless() {
			super(Transport.STREAMABLE, List.of("list_categories", "get_session_info"));
		}

	}

	@Nested
	@AutoConfigureObservability
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
			properties = { "spring.ai.mcp.server.type=ASYNC", "spring.ai.mcp.server.protocol=STREAMABLE",
					SHUTDOWN_IMMEDIATELY })
	class AsyncStreamable extends Variant {

		AsyncStreamable() {
			super(Transport.STREAMABLE, List.of());
		}

	}

	@Nested
	@AutoConfigureObservability
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
			properties = { "spring.ai.mcp.server.type=ASYNC", "spring.ai.mcp.server.protocol=SSE",
					SHUTDOWN_IMMEDIATELY })
	class AsyncSse extends Variant {

		AsyncSse() {
			super(Transport.SSE, List.of());
		}

	}

	@Nested
	@AutoConfigureObservability
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
			properties = { "spring.ai.mcp.server.type=ASYNC", "spring.ai.mcp.server.protocol=STATELESS",
					SHUTDOWN_IMMEDIATELY })
	class AsyncStateless extends Variant {

		AsyncStateless() {
			super(Transport.STREAMABLE, List.of());
		}

	}

	enum Transport {

		STREAMABLE, SSE

	}

	abstract static class Variant {

		private final Transport transport;

		private final List<String> mcpToolStyleTools;

		@LocalServerPort
		private int port;

		/**
		 * @param transport how the client connects
		 * @param mcpToolStyleTools {@code @McpTool} tools the server exposes in this variant (Spring AI exposes
		 * {@code @McpTool} methods with a non-reactive return type only on SYNC servers)
		 */
		Variant(Transport transport, List<String> mcpToolStyleTools) {
			this.transport = transport;
			this.mcpToolStyleTools = mcpToolStyleTools;
		}

		@Test
		void countsEachCallOnceWithItsErrorType() throws Exception {
			McpSyncClient client = McpClient.sync(clientTransport()).requestTimeout(Duration.ofSeconds(30)).build();
			try {
				client.initialize();
				List<String> tools = client.listTools().tools().stream().map(Tool::name).toList();
				assertThat(tools).contains("list_media", "get_media_entry", "search_entries");
				assertThat(tools).containsAll(this.mcpToolStyleTools);

				PrometheusScrape before = scrape();
				CallToolResult listed = client.callTool(new CallToolRequest("list_media", Map.of("limit", 2)));
				CallToolResult badId = client.callTool(new CallToolRequest("get_media_entry", Map.of("entry_id", "x")));
				CallToolResult unknown = client
					.callTool(new CallToolRequest("get_media_entry", Map.of("entry_id", "0_doesnotexist")));
				for (String tool : this.mcpToolStyleTools) {
					assertThat(client.callTool(new CallToolRequest(tool, Map.of())).isError()).isFalse();
				}
				PrometheusScrape after = scrape();

				assertThat(listed.isError()).isFalse();
				assertThat(badId.isError()).isTrue();
				assertThat(unknown.isError()).isTrue();
				assertThat(delta(before, after, "list_media", "none")).isEqualTo(1);
				assertThat(delta(before, after, "get_media_entry", "IllegalArgumentException")).isEqualTo(1);
				assertThat(delta(before, after, "get_media_entry", "KalturaApiException")).isEqualTo(1);
				for (String tool : this.mcpToolStyleTools) {
					assertThat(delta(before, after, tool, "none")).isEqualTo(1);
				}
				assertThat(total(after) - total(before)).as("every call counted exactly once")
					.isEqualTo(3 + this.mcpToolStyleTools.size());
				assertThat(after.value("mcp_tools_registered", Map.of())).isEqualTo(tools.size());
			}
			finally {
				client.closeGracefully();
			}
		}

		private McpClientTransport clientTransport() {
			String base = "http://localhost:" + this.port;
			return switch (this.transport) {
				case SSE -> HttpClientSseClientTransport.builder(base).sseEndpoint("/sse").build();
				case STREAMABLE -> HttpClientStreamableHttpTransport.builder(base).endpoint("/mcp").build();
			};
		}

		private static double delta(PrometheusScrape before, PrometheusScrape after, String tool, String errorType) {
			Map<String, String> labels = Map.of("gen_ai_tool_name", tool, "error_type", errorType);
			return after.value(CALLS, labels) - before.value(CALLS, labels);
		}

		private static double total(PrometheusScrape scrape) {
			return scrape.samples(CALLS).stream().mapToDouble(PrometheusScrape.Sample::value).sum();
		}

		private PrometheusScrape scrape() throws Exception {
			return PrometheusScrape.fetch(this.port);
		}

	}

}
