package io.github.mcpmonitoring.sample.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
 * The sample with tracing on, exporting to a real Zipkin server, called by the MCP SDK's client with a caller's
 * {@code traceparent} in {@code params._meta}: the {@code tools/call} is a SERVER span of the caller's trace with the
 * Kaltura API call under it, the OpenMetrics scrape names that trace in an exemplar of the tool's histogram, and the
 * call's access-log line in ECS JSON carries the trace id and the tool name.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "management.tracing.sampling.probability=1.0", "logging.structured.format.console=ecs",
				"logging.structured.json.rename.traceId=trace.id", "logging.structured.json.rename.spanId=span.id" })
@ExtendWith(OutputCaptureExtension.class)
class RequestTracingEndToEndTests {

	private static final String SERVICE = "kaltura-mcp-server";

	private static final String CALLER_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

	private static final String CALLER_SPAN = "00f067aa0ba902b7";

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
	void aToolCallWithTheCallersTraceparentContinuesItsTrace(CapturedOutput output) throws Exception {
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

		List<JsonNode> trace = zipkin.awaitTraces(SERVICE, "kaltura.media.get", Duration.ofSeconds(60))
			.stream()
			.filter((candidate) -> CALLER_TRACE.equals(candidate.get(0).path("traceId").asText()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no trace " + CALLER_TRACE + " in Zipkin"));
		JsonNode request = trace.stream()
			.filter((span) -> span.path("name").asText().equalsIgnoreCase("tools/call get_media_entry"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no span of the tools/call in " + trace));
		assertThat(request.path("kind").asText()).isEqualTo("SERVER");
		assertThat(request.path("parentId").asText()).isEqualTo(CALLER_SPAN);
		JsonNode tags = request.path("tags");
		assertThat(tags.path("mcp.method.name").asText()).isEqualTo("tools/call");
		assertThat(tags.path("gen_ai.tool.name").asText()).isEqualTo("get_media_entry");
		assertThat(tags.path("gen_ai.operation.name").asText()).isEqualTo("execute_tool");
		assertThat(tags.path("network.transport").asText()).isEqualTo("tcp");
		assertThat(tags.path("mcp.session.id").asText()).isNotEmpty();
		assertThat(tags.path("jsonrpc.request.id").asText()).isNotEmpty();
		assertThat(trace).as("the Kaltura API call, a child of the tools/call")
			.anySatisfy((span) -> {
				assertThat(span.path("name").asText()).isEqualTo("kaltura.media.get");
				assertThat(span.path("parentId").asText()).isEqualTo(request.path("id").asText());
			});

		String openMetrics = openMetricsScrape();
		Pattern exemplar = Pattern.compile("(?m)^mcp_server_operation_duration_seconds_bucket\\{[^}]*"
				+ "gen_ai_tool_name=\"get_media_entry\"[^}]*\\} \\S+ # \\{[^}]*trace_id=\"" + CALLER_TRACE + "\"");
		assertThat(exemplar.matcher(openMetrics).find()).as("an exemplar with the call's trace id in " + openMetrics)
			.isTrue();

		JsonNode accessLine = output.getOut()
			.lines()
			.filter((line) -> line.startsWith("{") && line.contains("io.github.mcpmonitoring.access")
					&& line.contains("get_media_entry"))
			.map(RequestTracingEndToEndTests::json)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no ECS access-log line of the call in " + output.getOut()));
		assertThat(accessLine.path("trace.id").asText()).isEqualTo(CALLER_TRACE);
		assertThat(field(accessLine, "gen_ai.tool.name")).isEqualTo("get_media_entry");
		assertThat(field(accessLine, "mcp.outcome")).isEqualTo("success");
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
		return response.body();
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
