package com.example.weather;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.mcpmonitoring.testing.PrometheusScrape;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.GetPromptRequest;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceRequest;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.json.JsonParserFactory;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The starter of this Spring generation added to a plain Spring AI MCP server, which a real MCP client calls over
 * streamable HTTP: what the server's users see on {@code /actuator/prometheus} and {@code /actuator/health}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		// Spring Boot's test support turns metrics export off: Boot 3.5's switch, then Boot 4's, each read by its own.
		"spring.test.observability.auto-configure=true", "spring.test.metrics.export=true",
		// Health checks run on a schedule (every 10 s by default): a short one shows the calls without a long wait.
		"mcp.monitoring.health.refresh-interval=200ms" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StarterOnPlainMcpServerTests {

	private static final String CALL_COUNT = "mcp_server_operation_duration_seconds_count";

	private static final Duration DEADLINE = Duration.ofSeconds(30);

	private static final List<ToolCalls> CALLS = List.of(
			new ToolCalls("current_weather", Map.of("city", "Paris"), 3, "none", "Sunny, 21 degrees Celsius in Paris"),
			new ToolCalls("severe_weather_alerts", Map.of("region", "FR-75"), 2, "IllegalStateException",
					"Alert feed is not configured for FR-75"),
			new ToolCalls("convert_temperature", Map.of("celsius", 21), 4, "none", "69.8"),
			new ToolCalls("station_history", Map.of("station", "LHR"), 1, "UncheckedIOException",
					"Station archive did not answer"));

	@Value("${local.server.port}")
	private int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	void callEachToolAKnownNumberOfTimesThenReadAResourceAndGetAPrompt() {
		HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport
			.builder("http://localhost:" + this.port)
			.endpoint("/mcp")
			.build();
		try (McpSyncClient client = McpClient.sync(transport).requestTimeout(DEADLINE).build()) {
			client.initialize();
			for (ToolCalls calls : CALLS) {
				for (int i = 0; i < calls.times(); i++) {
					CallToolResult result = client.callTool(new CallToolRequest(calls.tool(), calls.arguments()));
					assertThat(Boolean.TRUE.equals(result.isError())).as(calls.tool()).isEqualTo(calls.fails());
					assertThat(text(result)).as(calls.tool()).contains(calls.answer());
				}
			}
			assertThat(client.readResource(new ReadResourceRequest("weather://stations")).contents()).hasSize(1);
			assertThat(client.getPrompt(new GetPromptRequest("plan_trip", Map.of("city", "Paris"))).messages())
				.hasSize(1);
		}
	}

	@Test
	void countsEachToolCallOnceWithTheExceptionClassAsErrorType() throws Exception {
		PrometheusScrape scrape = PrometheusScrape.fetch(this.port);
		for (ToolCalls calls : CALLS) {
			Map<String, String> series = Map.of("mcp_method_name", "tools/call", "gen_ai_tool_name", calls.tool(),
					"error_type", calls.errorType(), "error_origin", calls.errorOrigin());
			assertThat(scrape.sum(CALL_COUNT, series)).as("%s", series).isEqualTo(calls.times());
			assertThat(countsOf(scrape, calls.tool())).as("all series of %s", calls.tool()).isEqualTo(calls.times());
		}
	}

	@Test
	void readingAResourceAndGettingAPromptAddNoToolCall() throws Exception {
		PrometheusScrape scrape = PrometheusScrape.fetch(this.port);
		Map<String, Double> callsByTool = new TreeMap<>();
		scrape.samples(CALL_COUNT)
			.stream()
			.filter((sample) -> "tools/call".equals(sample.labels().get("mcp_method_name")) && sample.value() > 0)
			.forEach((sample) -> callsByTool.merge(sample.labels().get("gen_ai_tool_name"), sample.value(),
					Double::sum));
		assertThat(callsByTool).containsOnlyKeys(CALLS.stream().map(ToolCalls::tool).toList());
		assertThat(callsByTool.values().stream().mapToDouble(Double::doubleValue).sum())
			.isEqualTo(CALLS.stream().mapToInt(ToolCalls::times).sum());
	}

	@Test
	void countsTheRegisteredTools() throws Exception {
		assertThat(PrometheusScrape.fetch(this.port).value("mcp_tools_registered", Map.of()))
			.isEqualTo(CALLS.size());
	}

	@Test
	void showsTheHealthComponentsWithTheFailedCalls() {
		Map<String, Object> health = await("the failed calls on /actuator/health").atMost(DEADLINE)
			.pollInterval(Duration.ofMillis(100))
			.until(() -> json(get("/actuator/health")),
					(candidate) -> number(details(component(candidate, "recentErrors")).get("count")) == 3
							&& !"UNKNOWN".equals(component(candidate, "memory").get("status")));

		assertThat(component(health, "uptime")).containsEntry("status", "UP");
		assertThat(component(health, "alerts")).containsEntry("status", "UP");
		Map<String, Object> recentErrors = component(health, "recentErrors");
		assertThat(recentErrors).containsEntry("status", "UP");
		assertThat(details(recentErrors)).containsEntry("level", "warning");
		assertThat(counts(details(recentErrors).get("byName")))
			.isEqualTo(Map.of("severe_weather_alerts", 2, "station_history", 1));
		assertThat(counts(details(recentErrors).get("byErrorType")))
			.isEqualTo(Map.of("IllegalStateException", 2, "UncheckedIOException", 1));
		// Memory is the host's: whichever its state, the component shows a real check, not a placeholder.
		Map<String, Object> memory = component(health, "memory");
		assertThat(memory.get("status")).isIn("UP", "DOWN");
		assertThat(details(memory)).containsKeys("level", "usedRatio", "heap", "system");
	}

	@Test
	void keepsLivenessUp() throws Exception {
		HttpResponse<String> liveness = get("/actuator/health/liveness");
		assertThat(liveness.statusCode()).as(liveness.body()).isEqualTo(200);
		assertThat(json(liveness)).containsEntry("status", "UP");
	}

	private static double countsOf(PrometheusScrape scrape, String tool) {
		return scrape.samples(CALL_COUNT)
			.stream()
			.filter((sample) -> tool.equals(sample.labels().get("gen_ai_tool_name")))
			.mapToDouble(PrometheusScrape.Sample::value)
			.sum();
	}

	private static String text(CallToolResult result) {
		return result.content()
			.stream()
			.filter(TextContent.class::isInstance)
			.map((content) -> ((TextContent) content).text())
			.reduce("", String::concat);
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(DEADLINE)
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static Map<String, Object> json(HttpResponse<String> response) {
		return JsonParserFactory.getJsonParser().parseMap(response.body());
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> component(Map<String, Object> health, String name) {
		Map<String, Object> components = (Map<String, Object>) health.getOrDefault("components", Map.of());
		return (Map<String, Object>) components.getOrDefault(name, Map.of());
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> details(Map<String, Object> component) {
		return (Map<String, Object>) component.getOrDefault("details", Map.of());
	}

	private static Map<String, Integer> counts(Object json) {
		Map<String, Integer> counts = new TreeMap<>();
		if (json instanceof Map<?, ?> map) {
			map.forEach((key, value) -> counts.put(String.valueOf(key), number(value)));
		}
		return counts;
	}

	private static int number(Object value) {
		return (value instanceof Number number) ? number.intValue() : -1;
	}

	/**
	 * Calls of one tool and what the client and the starter must show for them.
	 */
	private record ToolCalls(String tool, Map<String, Object> arguments, int times, String errorType, String answer) {

		boolean fails() {
			return !"none".equals(this.errorType);
		}

		String errorOrigin() {
			// Neither exception is a client mistake: the failures are the server's own.
			return fails() ? "server" : "none";
		}

	}

}
