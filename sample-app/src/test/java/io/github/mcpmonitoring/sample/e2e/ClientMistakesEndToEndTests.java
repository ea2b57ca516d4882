package io.github.mcpmonitoring.sample.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mcpmonitoring.sample.McpClients;
import io.github.mcpmonitoring.alerts.Alert;
import io.github.mcpmonitoring.alerts.AlertEvaluator;
import io.github.mcpmonitoring.alerts.AlertState;
import io.github.mcpmonitoring.sample.demo.DemoKalturaBackend;
import io.github.mcpmonitoring.testing.PrometheusScrape;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A client's mistakes are not the server's failures, end to end: a real MCP client sends the sample 100 tool calls
 * with malformed arguments, some of which read like authentication failures; {@code /actuator/health} stays 200, no
 * alert fires or pends, nothing is counted as an authentication failure, and the calls are still visible as client
 * errors on {@code /actuator/prometheus} and {@code /actuator/mcp} (on the management port). A session the demo backend revokes is still an
 * authentication failure that fires {@code McpUpstreamAuthFailure}, and the firing alert leaves the health at 200.
 * <p>
 * The alert evaluator is run by the test, between the calls, so that nothing depends on timing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "mcp.monitoring.alerts.evaluation-interval=1h", "mcp.monitoring.health.refresh-interval=200ms",
				// The machine's own state is not what this test is about: a busy build machine must not fail it.
				"mcp.monitoring.alerts.rules.cpu.enabled=false", "mcp.monitoring.alerts.rules.memory.enabled=false",
				"mcp.monitoring.alerts.rules.disk-space.enabled=false", "server.shutdown=immediate" })
@DirtiesContext
@Timeout(120)
class ClientMistakesEndToEndTests {

	/**
	 * The mistakes sent, each counted once. A quarter of the calls pass a string as {@code limit} of
	 * {@code list_media} and a quarter as {@code limit} of {@code list_categories}: Spring AI 1.1 rejects those when
	 * it converts the arguments, MCP SDK 2.0 by input validation before any tool handler runs; both are counted.
	 */
	private static final int MISTAKES = 100;

	/** What a client may type where an entry id belongs; none reaches Kaltura. */
	private static final List<String> BAD_ENTRY_IDS = List.of("403", "forbidden", "authentication failed",
			"INVALID_KS", "401 Unauthorized", "access denied");

	private static final Duration DEADLINE = Duration.ofSeconds(20);

	private static final ObjectMapper mapper = new ObjectMapper();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	@Autowired
	private AlertEvaluator evaluator;

	@Autowired
	private DemoKalturaBackend backend;

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
	void malformedArgumentsNeitherKnockTheServerOverNorRaiseAnAlertWhileARevokedSessionStillDoes() throws Exception {
		this.evaluator.evaluate();
		List<Map<String, Object>> sent = sendMistakes();
		this.evaluator.evaluate();

		assertThat(this.evaluator.alerts(AlertState.FIRING)).as("firing after %d mistakes", sent.size()).isEmpty();
		assertThat(this.evaluator.alerts(AlertState.PENDING)).as("pending after %d mistakes", sent.size()).isEmpty();
		PrometheusScrape scrape = PrometheusScrape.fetch(this.managementPort);
		assertThat(sum(scrape, "mcp_server_operation_duration_seconds_count", "client")).isEqualTo(MISTAKES);
		assertThat(sum(scrape, "mcp_server_operation_duration_seconds_count", "server")).isZero();
		double rejectedLimits = scrape.sum("mcp_server_operation_duration_seconds_count",
				Map.of("gen_ai_tool_name", "list_media", "error_type", "tool_error", "error_origin", "client"));
		assertThat(rejectedLimits).as("the rejections of \"limit\": \"abc\"").isEqualTo(MISTAKES / 4);
		assertThat(scrape.samples("mcp_upstream_auth_failures_total")).isEmpty();
		assertThat(scrape.samples("mcp_alerts_active")).allSatisfy((sample) -> assertThat(sample.value()).isZero());
		assertClientErrorsOnTheMcpEndpoint();
		JsonNode health = awaitHealth((candidate) -> candidate.path("components")
			.path("recentErrors")
			.path("details")
			.path("clientErrors")
			.asInt() == MISTAKES);
		assertThat(health.path("status").asText()).isEqualTo("UP");
		assertThat(health.path("components").path("recentErrors").path("status").asText()).isEqualTo("UP");
		assertThat(health.path("components").path("recentErrors").path("details").path("count").asInt()).isZero();
		assertThat(health.path("components").path("recentErrors").path("details").path("last").path("clientError")
			.asBoolean()).isTrue();
		assertThat(health.path("components").path("alerts").path("status").asText()).isEqualTo("UP");

		assertThat(call("list_media", Map.of("limit", 2)).isError()).as("starts a session").isFalse();
		this.backend.revokeSessions();
		CallToolResult listed = call("list_media", Map.of("limit", 2));
		assertThat(listed.isError()).as("retried with a new session").isFalse();
		this.evaluator.evaluate();
		assertThat(this.evaluator.alerts(AlertState.FIRING)).singleElement().satisfies((alert) -> {
			assertThat(alert.name()).isEqualTo("McpUpstreamAuthFailure");
			assertThat(alert.labels()).containsEntry("name", "kaltura.media.list");
		});
		assertThat(PrometheusScrape.fetch(this.managementPort)
			.value("mcp_upstream_auth_failures_total", Map.of("kind", "api", "name", "kaltura.media.list")))
			.isOne();
		JsonNode firingHealth = mapper.readTree(get("/actuator/health").body());
		assertThat(firingHealth.path("components").path("alerts").path("status").asText()).isEqualTo("WARNING");
		// The revoked session may show DOWN on kalturaSession until its next check: the server's own state, not the
		// alert's. No component fed by request outcomes is ever DOWN.
		assertThat(firingHealth.path("components").path("recentErrors").path("status").asText()).isNotEqualTo("DOWN");
		firingHealth.path("components").fields().forEachRemaining((component) -> {
			if ("DOWN".equals(component.getValue().path("status").asText())) {
				assertThat(component.getKey()).as(firingHealth.toString()).isEqualTo("kalturaSession");
			}
		});
		assertThat(this.evaluator.alerts(AlertState.FIRING)).extracting(Alert::name)
			.containsExactly("McpUpstreamAuthFailure");
	}

	private List<Map<String, Object>> sendMistakes() {
		List<Map<String, Object>> sent = new ArrayList<>();
		for (int i = 0; i < MISTAKES; i++) {
			String tool;
			Map<String, Object> arguments;
			switch (i % 4) {
				case 0, 1 -> {
					tool = "get_media_entry";
					arguments = Map.of("entry_id", BAD_ENTRY_IDS.get(i % BAD_ENTRY_IDS.size()));
				}
				case 2 -> {
					tool = "list_media";
					arguments = Map.of("limit", "abc");
				}
				default -> {
					tool = "list_categories";
					arguments = Map.of("limit", "forbidden");
				}
			}
			CallToolResult result = call(tool, arguments);
			assertThat(result.isError()).as("%s %s", tool, arguments).isTrue();
			sent.add(Map.of("tool", tool, "arguments", arguments));
		}
		return sent;
	}

	private void assertClientErrorsOnTheMcpEndpoint() throws Exception {
		HttpResponse<String> response = get("/actuator/mcp");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode summary = mapper.readTree(response.body());
		assertThat(summary.path("recentErrors")).isNotEmpty()
			.allSatisfy((error) -> assertThat(error.path("clientError").asBoolean()).as(error.toString()).isTrue());
		JsonNode getMediaEntry = summary.path("tools").path("get_media_entry");
		assertThat(getMediaEntry.path("clientErrors").asLong()).isEqualTo(MISTAKES / 2);
		assertThat(getMediaEntry.path("errors").asLong()).isZero();
		assertThat(getMediaEntry.path("errorRatio").asDouble()).isZero();
		assertThat(summary.path("alerts").path("firing")).isEmpty();
	}

	private JsonNode awaitHealth(java.util.function.Predicate<JsonNode> until) {
		return await("/actuator/health").atMost(DEADLINE).pollInterval(Duration.ofMillis(100)).until(() -> {
			HttpResponse<String> response = get("/actuator/health");
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			return mapper.readTree(response.body());
		}, until);
	}

	private static double sum(PrometheusScrape scrape, String name, String origin) {
		return scrape.samples(name)
			.stream()
			.filter((sample) -> origin.equals(sample.labels().get("error_origin")))
			.mapToDouble(PrometheusScrape.Sample::value)
			.sum();
	}

	private CallToolResult call(String tool, Map<String, Object> arguments) {
		return this.client.callTool(new CallToolRequest(tool, arguments));
	}

	private HttpResponse<String> get(String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.managementPort + path))
			.timeout(Duration.ofSeconds(10))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
