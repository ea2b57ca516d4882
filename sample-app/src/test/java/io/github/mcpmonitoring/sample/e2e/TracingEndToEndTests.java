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
 * The sample with tracing switched on by Boot's sampling probability alone, exporting to a real Zipkin server, called
 * by the MCP SDK's client. A {@code tools/call} is a SERVER span: of the caller's trace when the caller sends a
 * {@code traceparent} in {@code params._meta}, of the HTTP request it arrived in otherwise. The tool's Kaltura API
 * call is a span under it with the HTTP client's request under that; the OpenMetrics scrape names the trace in
 * exemplars; lines logged during the call (the slow-call line, the access log) carry the trace id in Boot's ECS JSON.
 * The two tests call different tools, so that neither reads an exemplar the other left in the same bucket.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "management.tracing.sampling.probability=1.0", "logging.structured.format.console=ecs",
				"logging.structured.json.rename.traceId=trace.id", "logging.structured.json.rename.spanId=span.id",
				"mcp.monitoring.api.slow-threshold=0ms" })
@ExtendWith(OutputCaptureExtension.class)
class TracingEndToEndTests {

	private static final String SERVICE = "kaltura-mcp-server";

	private static final String CALLER_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

	private static final String CALLER_SPAN = "00f067aa0ba902b7";

	private static final Duration EXPORT_TIMEOUT = Duration.ofSeconds(60);

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
	void aToolCallWithTheCallersTraceparentInMetaContinuesItsTrace(CapturedOutput output) throws Exception {
		McpSyncClient client = McpClients.streamable(this.port, Duration.ofSeconds(30));
		try {
			client.initialize();
			String entryId = firstEntryId(client.callTool(new CallToolRequest("list_media", Map.of("limit", 1))));
			CallToolResult entry = client.callTool(new CallToolRequest("get_media_entry", Map.of("entry_id", entryId),
					Map.of("traceparent", "00-" + CALLER_TRACE + "-" + CALLER_SPAN + "-01")));
			assertThat(entry.isError()).isFalse();
		}
		finally {
			client.closeGracefully();
		}

		List<JsonNode> trace = zipkin.awaitTrace(SERVICE, "kaltura.media.get",
				(spans) -> CALLER_TRACE.equals(spans.get(0).path("traceId").asText())
						&& span(spans, "tools/call get_media_entry").isPresent(),
				EXPORT_TIMEOUT);
		JsonNode request = span(trace, "tools/call get_media_entry").orElseThrow();
		assertThat(request.path("kind").asText()).isEqualTo("SERVER");
		assertThat(request.path("parentId").asText()).isEqualTo(CALLER_SPAN);
		JsonNode tags = request.path("tags");
		assertThat(tags.path("mcp.method.name").asText()).isEqualTo("tools/call");
		assertThat(tags.path("gen_ai.tool.name").asText()).isEqualTo("get_media_entry");
		assertThat(tags.path("gen_ai.operation.name").asText()).isEqualTo("execute_tool");
		assertThat(tags.path("network.transport").asText()).isEqualTo("tcp");
		assertThat(tags.path("mcp.session.id").asText()).isNotEmpty();
		assertThat(tags.path("jsonrpc.request.id").asText()).isNotEmpty();
		assertThat(span(trace, "kaltura.media.get")).as("the Kaltura API call, a child of the tools/call")
			.hasValueSatisfying(
					(apiCall) -> assertThat(apiCall.path("parentId").asText()).isEqualTo(request.path("id").asText()));

		Pattern exemplar = Pattern.compile("(?m)^mcp_server_operation_duration_seconds_bucket\\{[^}]*"
				+ "gen_ai_tool_name=\"get_media_entry\"[^}]*\\} \\S+ # \\{[^}]*trace_id=\"" + CALLER_TRACE + "\"");
		String openMetrics = openMetricsScrape();
		assertThat(exemplar.matcher(openMetrics).find()).as("an exemplar with the call's trace id in " + openMetrics)
			.isTrue();

		JsonNode accessLine = ecsLines(output, "io.github.mcpmonitoring.access", "get_media_entry").get(0);
		assertThat(accessLine.path("trace.id").asText()).isEqualTo(CALLER_TRACE);
		assertThat(field(accessLine, "gen_ai.tool.name")).isEqualTo("get_media_entry");
		assertThat(field(accessLine, "mcp.outcome")).isEqualTo("success");
	}

	@Test
	void withoutATraceparentAToolCallIsASpanOfItsHttpRequestWithTheKalturaCallUnderIt(CapturedOutput output)
			throws Exception {
		McpSyncClient client = McpClients.streamable(this.port, Duration.ofSeconds(30));
		try {
			client.initialize();
			CallToolResult categories = client.callTool(new CallToolRequest("list_categories", Map.of("limit", 1)));
			assertThat(categories.isError()).isFalse();
		}
		finally {
			client.closeGracefully();
		}

		// Complete: the HTTP server span ends after the answer is sent, so it can come in a later batch.
		List<JsonNode> trace = zipkin.awaitTrace(SERVICE, "kaltura.category.list",
				(spans) -> span(spans, "tools/call list_categories").flatMap((request) -> byId(spans,
						request.path("parentId").asText()))
					.isPresent(), EXPORT_TIMEOUT);
		JsonNode request = span(trace, "tools/call list_categories").orElseThrow();
		JsonNode httpRequest = byId(trace, request.path("parentId").asText()).orElseThrow();
		assertThat(httpRequest.path("kind").asText()).isEqualTo("SERVER");
		assertThat(httpRequest.path("name").asText()).isEqualTo("http post /mcp");
		JsonNode apiCall = span(trace, "kaltura.category.list").orElseThrow();
		assertThat(apiCall.path("parentId").asText()).as("a child of the tools/call").isEqualTo(request.path("id").asText());
		assertThat(apiCall.path("tags").path("api").asText()).isEqualTo("kaltura.category.list");
		assertThat(trace).as("the Kaltura HTTP request, a child of the API call, propagated as Boot's clients do")
			.anySatisfy((span) -> {
				assertThat(span.path("name").asText()).startsWith("http post");
				assertThat(span.path("kind").asText()).isEqualTo("CLIENT");
				assertThat(span.path("parentId").asText()).isEqualTo(apiCall.path("id").asText());
			});

		String traceId = apiCall.path("traceId").asText();
		Pattern exemplar = Pattern.compile("(?m)^mcp_api_call_duration_seconds_bucket\\{[^}]*"
				+ "api=\"kaltura\\.category\\.list\"[^}]*error_type=\"none\"[^}]*\\} \\S+ # \\{[^}]*trace_id=\""
				+ traceId + "\"");
		String openMetrics = openMetricsScrape();
		assertThat(exemplar.matcher(openMetrics).find()).as("an exemplar with the call's trace id in " + openMetrics)
			.isTrue();

		JsonNode slowCallLine = ecsLines(output, "Slow call", "kaltura.category.list").get(0);
		// ECS's trace.id and span.id, renamed from Micrometer Tracing's MDC keys as docs/tracing.md shows.
		assertThat(slowCallLine.path("trace.id").asText()).isEqualTo(traceId);
		assertThat(slowCallLine.path("span.id").asText()).isEqualTo(apiCall.path("id").asText());
		assertThat(slowCallLine.path("ecs").path("version").asText()).isNotEmpty();
	}

	/** The ECS JSON lines of this test's output that contain both texts, at least one. */
	private static List<JsonNode> ecsLines(CapturedOutput output, String text, String otherText) {
		List<JsonNode> lines = output.getOut()
			.lines()
			.filter((line) -> line.startsWith("{") && line.contains(text) && line.contains(otherText))
			.map(TracingEndToEndTests::json)
			.toList();
		assertThat(lines).as("ECS lines with " + text + " and " + otherText + " in " + output.getOut()).isNotEmpty();
		return lines;
	}

	/** A field of an ECS line, whether the format writes a dotted key as it is or nested. */
	private static String field(JsonNode line, String key) {
		if (line.has(key)) {
			return line.path(key).asText();
		}
		JsonNode node = line;
		for (String part : key.split("\\.")) {
			node = node.path(part);
		}
		return node.asText();
	}

	private String openMetricsScrape() throws Exception {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.managementPort + "/actuator/prometheus"))
			.header("Accept", "application/openmetrics-text; version=1.0.0; charset=utf-8")
			.timeout(Duration.ofSeconds(10))
			.build();
		var response = HttpClient.newHttpClient().send(request, BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/openmetrics-text"));
		return response.body();
	}

	/** The span of that name, which Zipkin keeps in lower case. */
	private static Optional<JsonNode> span(List<JsonNode> trace, String name) {
		return trace.stream().filter((span) -> name.equalsIgnoreCase(span.path("name").asText())).findFirst();
	}

	private static Optional<JsonNode> byId(List<JsonNode> trace, String id) {
		return trace.stream().filter((span) -> id.equals(span.path("id").asText())).findFirst();
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
