package com.example.reports;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import io.github.mcpmonitoring.testing.PrometheusScrape;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code mcp.server.tool.result.size} on a plain Spring AI MCP server with the starter of this Spring generation and
 * {@code mcp.monitoring.tools.result-size.enabled=true}, on each server type and on stateful and stateless servers,
 * called by a real MCP client over streamable HTTP: a tool that returns about 200 kB shows in the summary with the
 * characters the client received, in its bucket.
 */
class ResultSizeOnMcpServerTests {

	private static final String SIZES = "mcp_server_tool_result_size_characters";

	private static final Map<String, Object> ARGUMENTS = Map.of("region", "FR");

	@ParameterizedTest(name = "{0} server, {1} protocol")
	@MethodSource("variants")
	void showsEachResultWithTheCharactersTheClientReceived(String type, String protocol) throws Exception {
		try (ConfigurableApplicationContext server = start(type, protocol)) {
			int port = server.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
			McpSyncClient client = McpClient
				.sync(HttpClientStreamableHttpTransport.builder("http://localhost:" + port).endpoint("/mcp").build())
				.requestTimeout(Duration.ofSeconds(30))
				.build();
			long report;
			long note;
			try {
				client.initialize();
				report = characters(client.callTool(new CallToolRequest("monthly_report", ARGUMENTS)));
				note = characters(client.callTool(new CallToolRequest("short_note", ARGUMENTS)));
			}
			finally {
				client.closeGracefully();
			}

			assertThat(report).isGreaterThanOrEqualTo(ReportTools.REPORT_LENGTH);
			PrometheusScrape scrape = PrometheusScrape.fetch(port);
			assertThat(scrape.types()).containsEntry(SIZES, "histogram");
			assertThat(scrape.help()).containsKey(SIZES);
			assertSizes(scrape, "monthly_report", report);
			assertSizes(scrape, "short_note", note);
			Map<String, String> reportTool = Map.of("gen_ai_tool_name", "monthly_report");
			assertThat(bucket(scrape, reportTool, 65536)).as("results up to 64 kB").isZero();
			assertThat(bucket(scrape, reportTool, 262144)).as("results up to 256 kB").isEqualTo(1);
			assertThat(bucket(scrape, Map.of("gen_ai_tool_name", "short_note"), 256)).isEqualTo(1);
		}
	}

	static Stream<Object[]> variants() {
		return Stream.of("SYNC", "ASYNC")
			.flatMap((type) -> Stream.of("STREAMABLE", "STATELESS").map((protocol) -> new Object[] { type, protocol }));
	}

	private static ConfigurableApplicationContext start(String type, String protocol) {
		return new SpringApplicationBuilder(ReportServerApplication.class).run("--server.port=0",
				"--spring.ai.mcp.server.name=reports",
				"--spring.ai.mcp.server.type=" + type, "--spring.ai.mcp.server.protocol=" + protocol,
				"--mcp.monitoring.tools.result-size.enabled=true", "--spring.main.banner-mode=off",
				// Graceful shutdown would wait for the streams Spring AI's servers keep open.
				"--server.shutdown=immediate");
	}

	private static void assertSizes(PrometheusScrape scrape, String tool, long characters) {
		Map<String, String> labels = Map.of("gen_ai_tool_name", tool);
		assertThat(scrape.value(SIZES + "_count", labels)).as("%s: results", tool).isEqualTo(1);
		assertThat(scrape.value(SIZES + "_sum", labels)).as("%s: characters", tool).isEqualTo(characters);
		assertThat(scrape.value(SIZES + "_max", labels)).as("%s: largest result", tool).isEqualTo(characters);
	}

	private static double bucket(PrometheusScrape scrape, Map<String, String> labels, double upperBound) {
		return scrape.samples(SIZES + "_bucket")
			.stream()
			.filter((sample) -> sample.labels().entrySet().containsAll(labels.entrySet()))
			.filter((sample) -> Double.parseDouble(sample.labels().get("le")) == upperBound)
			.mapToDouble(PrometheusScrape.Sample::value)
			.findFirst()
			.orElseThrow(() -> new AssertionError("No bucket le=" + upperBound + " for " + labels));
	}

	private static long characters(CallToolResult result) {
		assertThat(result.isError()).isNotEqualTo(Boolean.TRUE);
		return result.content()
			.stream()
			.filter(TextContent.class::isInstance)
			.mapToLong((content) -> ((TextContent) content).text().length())
			.sum();
	}

}
