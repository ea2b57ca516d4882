package io.github.mcpmonitoring.sample.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.github.mcpmonitoring.sample.McpClients;
import io.github.mcpmonitoring.testing.PrometheusScrape;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Every MCP request, end to end: a real MCP client against the running sample, read back from
 * {@code /actuator/prometheus}. Each method is counted once; 300 calls of tools that do not exist are one series;
 * a call with an argument of the wrong type is one failed call of its tool, the client's, counted once whichever
 * layer sees it; sessions opened and closed show in the session meters.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "mcp.monitoring.alerts.evaluation-interval=1h", "server.shutdown=immediate" })
@DirtiesContext
@Timeout(180)
class McpRequestsEndToEndTests {

	private static final String CALLS = "mcp_server_operation_duration_seconds_count";

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	@Test
	void countsEveryRequestOnceUnknownToolsAsOneSeriesAndSessions() throws Exception {
		PrometheusScrape start = scrape();
		double activeBefore = start.sum("mcp_server_session_active", Map.of());
		double sessionsBefore = start.sum("mcp_server_session_duration_seconds_count", Map.of());
		McpSyncClient client = McpClients.streamable(this.port, Duration.ofSeconds(30));
		client.initialize();
		PrometheusScrape before = scrape();
		assertThat(before.sum("mcp_server_session_active", Map.of())).isEqualTo(activeBefore + 1);

		client.ping();
		client.listTools();
		CallToolResult listed = client.callTool(new CallToolRequest("list_media", Map.of("limit", 2)));
		CallToolResult wrongType = client.callTool(new CallToolRequest("list_media", Map.of("limit", "abc")));
		for (int i = 0; i < 300; i++) {
			String name = "no_such_tool_" + UUID.randomUUID();
			assertThat(catchThrowable(() -> client.callTool(new CallToolRequest(name, Map.of())))).isNotNull();
		}
		PrometheusScrape after = scrape();

		assertThat(listed.isError()).isNotEqualTo(Boolean.TRUE);
		assertThat(wrongType.isError()).isTrue();
		assertThat(delta(before, after, Map.of("mcp_method_name", "ping"))).isEqualTo(1);
		assertThat(delta(before, after, Map.of("mcp_method_name", "tools/list"))).isEqualTo(1);
		assertThat(delta(before, after, Map.of("gen_ai_tool_name", "list_media", "error_type", "none")))
			.isEqualTo(1);
		assertThat(delta(before, after, Map.of("gen_ai_tool_name", "list_media", "error_origin", "client")))
			.as("the wrong argument type: one failed call of list_media, the client's")
			.isEqualTo(1);
		List<PrometheusScrape.Sample> unknown = after.samples(CALLS)
			.stream()
			.filter((sample) -> sample.labels().get("gen_ai_tool_name").equals("_OTHER"))
			.toList();
		assertThat(unknown).singleElement().satisfies((sample) -> {
			assertThat(sample.value()).isEqualTo(300);
			assertThat(sample.labels()).containsEntry("mcp_method_name", "tools/call")
				.containsEntry("rpc_response_status_code", "-32602")
				.containsEntry("error_type", "")
				.containsEntry("error_origin", "client");
		});
		assertThat(after.samples(CALLS)).noneMatch((sample) -> sample.labels().toString().contains("no_such_tool"));
		assertThat(delta(before, after, Map.of())).as("every request counted exactly once").isEqualTo(304);

		client.closeGracefully();
		PrometheusScrape closed = scrape();
		assertThat(closed.sum("mcp_server_session_active", Map.of())).isEqualTo(activeBefore);
		assertThat(closed.sum("mcp_server_session_duration_seconds_count", Map.of())).isEqualTo(sessionsBefore + 1);
	}

	private PrometheusScrape scrape() throws Exception {
		return PrometheusScrape.fetch(this.managementPort);
	}

	private static double delta(PrometheusScrape before, PrometheusScrape after, Map<String, String> labels) {
		return after.sum(CALLS, labels) - before.sum(CALLS, labels);
	}

}
