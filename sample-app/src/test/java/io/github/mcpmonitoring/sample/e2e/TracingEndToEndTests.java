package io.github.mcpmonitoring.sample.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mcpmonitoring.sample.McpClients;
import io.github.mcpmonitoring.testing.ZipkinServer;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample with tracing switched on by Boot's sampling probability alone, exporting to a real Zipkin server: a tool
 * call's Kaltura API calls are spans of its trace with the HTTP client's request under them, the OpenMetrics scrape
 * names that trace in an exemplar of the API call's histogram, and a line logged during the Kaltura call carries the
 * trace id in Boot's ECS JSON as {@code trace.id}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "management.tracing.sampling.probability=1.0", "logging.structured.format.console=ecs",
				"logging.structured.json.rename.traceId=trace.id", "logging.structured.json.rename.spanId=span.id",
				"mcp.monitoring.api.slow-threshold=0ms" })
@ExtendWith(OutputCaptureExtension.class)
class TracingEndToEndTests {

	private static final String SERVICE = "kaltura-mcp-server";

	private static final Pattern ENTRY_ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9]+_[a-zA-Z0-9]+)\"");

	private static final ObjectMapper MAPPER = new ObjectMapper();

	@TempDir
	static Path directory;

	static ZipkinServer zipkin;

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	@BeforeAll
	static void startZipkin() throws Exception {
		zipkin = ZipkinServer.start(directory);
	}

	@AfterAll
	static void stopZipkin() throws Exception {
		if (zipkin != null) {
			zipkin.close();
		}
	}

	@DynamicPropertySource
	static void exportToZipkin(DynamicPropertyRegistry registry) {
		// Boot 4's property, then Boot 3.5's: each generation reads only its own.
		registry.add("management.tracing.export.zipkin.endpoint", () -> zipkin.spansEndpoint());
		registry.add("management.zipkin.tracing.endpoint", () -> zipkin.spansEndpoint());
	}

	@Test
	void aToolCallsKalturaCallIsASpanOfItsTraceWithAnExemplarAndCorrelatedLogs(CapturedOutput output)
			throws Exception {
		McpSyncClient client = McpClients.streamable(this.port, Duration.ofSeconds(30));
		try {
			client.initialize();
			String entryId = firstEntryId(client.callTool(new CallToolRequest("list_media", Map.of("limit", 1))));
			CallToolResult entry = client.callTool(new CallToolRequest("get_media_entry", Map.of("entry_id", entryId)));
			assertThat(entry.isError()).isFalse();
		}
		finally {
			client.closeGracefully();
		}

		List<List<JsonNode>> traces = zipkin.awaitTraces(SERVICE, "kaltura.media.get", Duration.ofSeconds(60));
		assertThat(traces).hasSize(1);
		List<JsonNode> trace = traces.get(0);
		JsonNode apiCall = span(trace, "kaltura.media.get").orElseThrow();
		String traceId = apiCall.path("traceId").asText();
		assertThat(apiCall.path("tags").path("api").asText()).isEqualTo("kaltura.media.get");
		assertThat(apiCall.has("parentId")).as("a child of the span the tool call runs in").isTrue();
		assertThat(trace).as("the Kaltura HTTP request, a child of the API call, propagated as Boot's clients do")
			.anySatisfy((span) -> {
				assertThat(span.path("name").asText()).startsWith("http post");
				assertThat(span.path("kind").asText()).isEqualTo("CLIENT");
				assertThat(span.path("parentId").asText()).isEqualTo(apiCall.path("id").asText());
			});
		assertThat(trace).as("the HTTP request the tool call arrived in")
			.anySatisfy((span) -> assertThat(span.path("id").asText()).isEqualTo(apiCall.path("parentId").asText()));

		String openMetrics = openMetricsScrape();
		Pattern exemplar = Pattern.compile("(?m)^mcp_api_call_duration_seconds_bucket\\{[^}]*api=\"kaltura\\.media\\.get\""
				+ "[^}]*error_type=\"none\"[^}]*\\} \\S+ # \\{[^}]*trace_id=\"" + traceId + "\"");
		assertThat(exemplar.matcher(openMetrics).find()).as("an exemplar with the call's trace id in " + openMetrics)
			.isTrue();

		JsonNode slowCallLine = output.getOut()
			.lines()
			.filter((line) -> line.startsWith("{") && line.contains("Slow call") && line.contains("kaltura.media.get"))
			.map(TracingEndToEndTests::json)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no ECS line of the Kaltura call in " + output.getOut()));
		// ECS's trace.id and span.id, renamed from Micrometer Tracing's MDC keys as docs/tracing.md shows.
		assertThat(slowCallLine.path("trace.id").asText()).isEqualTo(traceId);
		assertThat(slowCallLine.path("span.id").asText()).isEqualTo(apiCall.path("id").asText());
		assertThat(slowCallLine.path("ecs").path("version").asText()).isNotEmpty();
	}

	private String openMetricsScrape() throws Exception {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.managementPort + "/actuator/prometheus"))
			.header("Accept", "application/openmetrics-text; version=1.0.0; charset=utf-8")
			.timeout(Duration.ofSeconds(10))
			.build();
		var response = HttpClient.newHttpClient().send(request, BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/openmetrics-text"));
		return response.body();
	}

	private static Optional<JsonNode> span(List<JsonNode> trace, String name) {
		return trace.stream().filter((span) -> name.equals(span.path("name").asText())).findFirst();
	}

	private static JsonNode json(String line) {
		try {
			return MAPPER.readTree(line);
		}
		catch (Exception ex) {
			throw new AssertionError("not JSON: " + line, ex);
		}
	}

	private static String firstEntryId(CallToolResult result) {
		String text = ((TextContent) result.content().get(0)).text();
		Matcher matcher = ENTRY_ID.matcher(text);
		assertThat(matcher.find()).as("an entry id in " + text).isTrue();
		return matcher.group(1);
	}

}
