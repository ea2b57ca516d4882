package io.github.mcpmonitoring.sample.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.mcpmonitoring.sample.McpClients;
import io.github.mcpmonitoring.testing.PrometheusScrape;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample MCP server on a random port, called by a real MCP client over streamable HTTP; every call must show up
 * exactly once on {@code /actuator/prometheus} (on the management port) under the right tool and {@code error.type}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class McpToolMetricsEndToEndTests {

	private static final String CALLS = "mcp_server_operation_duration_seconds_count";

	private static final String API_CALLS = "mcp_api_call_duration_seconds_count";

	private static final Pattern ENTRY_ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9]+_[a-zA-Z0-9]+)\"");

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	private McpSyncClient client;

	@BeforeEach
	void connect() {
		this.client = McpClients.streamable(this.port, Duration.ofSeconds(30));
		this.client.initialize();
	}

	@AfterEach
	void disconnect() {
		this.client.closeGracefully();
	}

	@Test
	void listsTheFiveToolsAndCountsThemAsRegistered() throws Exception {
		List<String> names = this.client.listTools().tools().stream().map(Tool::name).toList();
		assertThat(names).contains("list_media", "get_media_entry", "search_entries", "list_categories",
				"get_session_info");
		PrometheusScrape scrape = scrape();
		assertThat(scrape.value("mcp_tools_registered", Map.of())).isEqualTo(names.size());
	}

	@Test
	void countsEveryToolCallOnceUnderItsToolAndOutcome() throws Exception {
		PrometheusScrape before = scrape();

		CallToolResult listed = call("list_media", Map.of("limit", 5));
		String entryId = firstEntryId(listed);
		call("list_media", Map.of());
		call("get_media_entry", Map.of("entry_id", entryId));
		call("search_entries", Map.of("query", "demo", "limit", 3));
		call("list_categories", Map.of("limit", 5));
		call("get_session_info", Map.of());
		CallToolResult badId = call("get_media_entry", Map.of("entry_id", "not an id"));
		CallToolResult unknownId = call("get_media_entry", Map.of("entry_id", "0_doesnotexist"));

		assertThat(badId.isError()).isTrue();
		assertThat(text(badId)).contains("entry_id");
		assertThat(unknownId.isError()).isTrue();

		PrometheusScrape after = scrape();
		assertThat(delta(before, after, CALLS, tool("list_media", "none"))).isEqualTo(2);
		assertThat(delta(before, after, CALLS, tool("get_media_entry", "none"))).isEqualTo(1);
		assertThat(delta(before, after, CALLS, tool("search_entries", "none"))).isEqualTo(1);
		assertThat(delta(before, after, CALLS, tool("list_categories", "none"))).isEqualTo(1);
		assertThat(delta(before, after, CALLS, tool("get_session_info", "none"))).isEqualTo(1);
		assertThat(delta(before, after, CALLS, tool("get_media_entry", "IllegalArgumentException"))).isEqualTo(1);
		assertThat(delta(before, after, CALLS, Map.of("gen_ai_tool_name", "get_media_entry", "error_origin", "client")))
			.as("the rejected entry id is the client's mistake")
			.isEqualTo(1);
		assertThat(delta(before, after, CALLS, tool("get_media_entry", "KalturaApiException"))).isEqualTo(1);
		assertThat(totalDelta(before, after, CALLS)).as("every call counted exactly once").isEqualTo(8);

		// list_media twice and search_entries once
		assertThat(delta(before, after, API_CALLS, api("kaltura.media.list", "none"))).isEqualTo(3);
		assertThat(delta(before, after, API_CALLS, api("kaltura.media.get", "none"))).isEqualTo(1);
		assertThat(delta(before, after, API_CALLS, api("kaltura.media.get", "KalturaApiException"))).isEqualTo(1);
		assertThat(delta(before, after, API_CALLS, api("kaltura.category.list", "none"))).isEqualTo(1);
		assertThat(after.value(API_CALLS, api("kaltura.session.start", "none"))).isGreaterThanOrEqualTo(1);
		assertThat(after.value("mcp_api_call_consecutive_failures", Map.of("api", "kaltura.media.get")))
			.isEqualTo(1);
	}

	@Test
	void exposesTheFourteenBucketsInFlightTimerAndHelpText() throws Exception {
		call("list_categories", Map.of());
		PrometheusScrape scrape = scrape();
		List<String> buckets = scrape.samples("mcp_server_operation_duration_seconds_bucket")
			.stream()
			.filter((sample) -> sample.labels()
				.entrySet()
				.containsAll(Map.of("error_type", "none", "error_origin", "none", "gen_ai_tool_name", "list_categories",
						"mcp_method_name", "tools/call")
					.entrySet()))
			// The call's own series: the one registered before the first call has no protocol version.
			.filter((sample) -> !sample.labels().get("mcp_protocol_version").isEmpty())
			.map((sample) -> sample.labels().get("le"))
			.toList();
		assertThat(buckets).containsExactly("0.01", "0.02", "0.05", "0.1", "0.2", "0.5", "1.0", "2.0", "5.0", "10.0",
				"30.0", "60.0", "120.0", "300.0", "+Inf");
		assertThat(scrape.samples("mcp_server_operation_active_seconds_count"))
			.anySatisfy((sample) -> assertThat(sample.labels()).containsEntry("gen_ai_tool_name", "list_categories"));
		Set<String> ourFamilies = scrape.types()
			.keySet()
			.stream()
			.filter((family) -> family.startsWith("mcp_"))
			.collect(java.util.stream.Collectors.toSet());
		assertThat(ourFamilies).contains("mcp_server_operation_duration_seconds", "mcp_server_operation_active_seconds",
				"mcp_tools_registered", "mcp_api_call_duration_seconds", "mcp_api_call_consecutive_failures");
		assertThat(ourFamilies).allSatisfy((family) -> {
			assertThat(scrape.help().get(family)).as("HELP of " + family).isNotBlank();
			assertThat(family).doesNotContainPattern("_(ms|ns|us|millis|nanos)(_|$)");
			boolean counter = "counter".equals(scrape.types().get(family));
			assertThat(family.endsWith("_total")).as("_total only on counters: " + family).isEqualTo(counter);
		});
	}

	private CallToolResult call(String tool, Map<String, Object> arguments) {
		return this.client.callTool(new CallToolRequest(tool, arguments));
	}

	private static String text(CallToolResult result) {
		return ((TextContent) result.content().get(0)).text();
	}

	private static String firstEntryId(CallToolResult result) {
		Matcher matcher = ENTRY_ID.matcher(text(result));
		assertThat(matcher.find()).as("an entry id in " + text(result)).isTrue();
		return matcher.group(1);
	}

	private static Map<String, String> tool(String name, String errorType) {
		return Map.of("gen_ai_tool_name", name, "error_type", errorType, "mcp_method_name", "tools/call");
	}

	private static Map<String, String> api(String name, String errorType) {
		return Map.of("api", name, "error_type", errorType);
	}

	private static double delta(PrometheusScrape before, PrometheusScrape after, String name,
			Map<String, String> labels) {
		return after.sum(name, labels) - before.sum(name, labels);
	}

	private static double totalDelta(PrometheusScrape before, PrometheusScrape after, String name) {
		return sum(after, name) - sum(before, name);
	}

	private static double sum(PrometheusScrape scrape, String name) {
		return scrape.samples(name).stream().mapToDouble(PrometheusScrape.Sample::value).sum();
	}

	private PrometheusScrape scrape() throws Exception {
		return PrometheusScrape.fetch(this.managementPort);
	}

}
