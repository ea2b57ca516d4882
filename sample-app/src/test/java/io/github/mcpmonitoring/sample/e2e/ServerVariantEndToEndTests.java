package io.github.mcpmonitoring.sample.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.mcpmonitoring.sample.KalturaMcpServerApplication;
import io.github.mcpmonitoring.testing.PrometheusScrape;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientSseClientTransport;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every server type and protocol Spring AI offers, each a run of the sample called by a real MCP client: calls are
 * counted once, with the exception type of a tool that threw. The default (SYNC, STREAMABLE) is covered in depth by
 * {@link McpToolMetricsEndToEndTests}.
 */
class ServerVariantEndToEndTests {

	private static final String CALLS = "mcp_server_operation_duration_seconds_count";

	@ParameterizedTest(name = "{0}")
	@MethodSource("variants")
	void countsEachCallOnceWithItsErrorType(Variant variant) throws Exception {
		try (ConfigurableApplicationContext sample = start(variant)) {
			int port = sample.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
			int managementPort = sample.getEnvironment().getRequiredProperty("local.management.port", Integer.class);
			McpSyncClient client = McpClient.sync(variant.protocol().clientTransport("http://localhost:" + port))
				.requestTimeout(Duration.ofSeconds(30))
				.build();
			try {
				assertCountedOnce(variant, client, managementPort);
			}
			finally {
				client.closeGracefully();
			}
		}
	}

	static Stream<Variant> variants() {
		return Stream.of(ServerType.values())
			.flatMap((type) -> Stream.of(Protocol.values()).map((protocol) -> new Variant(type, protocol)));
	}

	/**
	 * Start the sample as its users do, with the variant given on the command line so that it overrides
	 * {@code application.yml}.
	 */
	private static ConfigurableApplicationContext start(Variant variant) {
		return new SpringApplicationBuilder(KalturaMcpServerApplication.class).run("--server.port=0",
				"--management.server.port=0",
				"--spring.ai.mcp.server.type=" + variant.type(),
				"--spring.ai.mcp.server.protocol=" + variant.protocol(),
				// Graceful shutdown would wait 30 s for the SSE streams Spring AI's servers keep open.
				"--server.shutdown=immediate");
	}

	private static void assertCountedOnce(Variant variant, McpSyncClient client, int managementPort)
			throws Exception {
		List<String> mcpToolStyleTools = variant.type().mcpToolStyleTools();
		client.initialize();
		List<String> tools = client.listTools().tools().stream().map(Tool::name).toList();
		assertThat(tools).as("%s: tools", variant).contains("list_media", "get_media_entry", "search_entries");
		assertThat(tools).as("%s: tools", variant).containsAll(mcpToolStyleTools);

		PrometheusScrape before = PrometheusScrape.fetch(managementPort);
		CallToolResult listed = client.callTool(new CallToolRequest("list_media", Map.of("limit", 2)));
		CallToolResult badId = client.callTool(new CallToolRequest("get_media_entry", Map.of("entry_id", "x")));
		CallToolResult unknown = client
			.callTool(new CallToolRequest("get_media_entry", Map.of("entry_id", "0_doesnotexist")));
		for (String tool : mcpToolStyleTools) {
			assertThat(client.callTool(new CallToolRequest(tool, Map.of())).isError()).as("%s: %s", variant, tool)
				.isFalse();
		}
		PrometheusScrape after = PrometheusScrape.fetch(managementPort);

		assertThat(listed.isError()).as("%s: list_media", variant).isFalse();
		assertThat(badId.isError()).as("%s: get_media_entry with a malformed id", variant).isTrue();
		assertThat(unknown.isError()).as("%s: get_media_entry with an unknown id", variant).isTrue();
		assertCalls(variant, before, after, "list_media", "none", 1);
		assertCalls(variant, before, after, "get_media_entry", "IllegalArgumentException", 1);
		assertCalls(variant, before, after, "get_media_entry", "KalturaApiException", 1);
		for (String tool : mcpToolStyleTools) {
			assertCalls(variant, before, after, tool, "none", 1);
		}
		assertThat(total(after) - total(before)).as("%s: every call counted exactly once", variant)
			.isEqualTo(3 + mcpToolStyleTools.size());
		assertThat(after.value("mcp_tools_registered", Map.of())).as("%s: mcp_tools_registered", variant)
			.isEqualTo(tools.size());
	}

	private static void assertCalls(Variant variant, PrometheusScrape before, PrometheusScrape after, String tool,
			String errorType, int expected) {
		Map<String, String> labels = Map.of("gen_ai_tool_name", tool, "error_type", errorType);
		assertThat(after.sum(CALLS, labels) - before.sum(CALLS, labels))
			.as("%s: calls of %s with error.type %s", variant, tool, errorType)
			.isEqualTo(expected);
	}

	private static double total(PrometheusScrape scrape) {
		return scrape.samples(CALLS).stream().mapToDouble(PrometheusScrape.Sample::value).sum();
	}

	/** A server type and protocol, as {@code spring.ai.mcp.server.type} and {@code .protocol} name them. */
	record Variant(ServerType type, Protocol protocol) {

		@Override
		public String toString() {
			return this.type + " server, " + this.protocol + " protocol";
		}

	}

	/** The values of {@code spring.ai.mcp.server.type}. */
	enum ServerType {

		SYNC, ASYNC;

		/**
		 * Return the {@code @McpTool} tools the server exposes: Spring AI exposes {@code @McpTool} methods with a
		 * non-reactive return type only on SYNC servers.
		 */
		List<String> mcpToolStyleTools() {
			return (this == SYNC) ? List.of("list_categories", "get_session_info") : List.of();
		}

	}

	/** The values of {@code spring.ai.mcp.server.protocol}. */
	enum Protocol {

		STREAMABLE, SSE, STATELESS;

		/** Return the client transport for this protocol: STATELESS servers answer streamable HTTP clients. */
		McpClientTransport clientTransport(String baseUrl) {
			return switch (this) {
				case SSE -> HttpClientSseClientTransport.builder(baseUrl).sseEndpoint("/sse").build();
				case STREAMABLE, STATELESS ->
					HttpClientStreamableHttpTransport.builder(baseUrl).endpoint("/mcp").build();
			};
		}

	}

}
