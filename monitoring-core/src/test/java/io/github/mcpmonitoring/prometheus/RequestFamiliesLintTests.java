package io.github.mcpmonitoring.prometheus;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.mcpmonitoring.core.McpMeterNames;
import io.github.mcpmonitoring.testing.Executables;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The meter families of every MCP request, as the dashboard, the shipped rules and the {@code mcp} endpoint read
 * them, pass {@code promtool check metrics} when scraped in the text format Prometheus 2 asks for: the names, units,
 * types and label sets agreed for them, each series carrying every tag key (an attribute that does not apply is the
 * empty string). Needs Debian's {@code prometheus} package for {@code promtool}.
 */
class RequestFamiliesLintTests {

	private static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

	private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

	private final AtomicInteger activeSessions = new AtomicInteger(2);

	@Test
	void promtoolFindsNothingToSayAboutTheRequestFamilies() throws Exception {
		operation("tools/call", "list_media", "", "none", "none", "", "2025-06-18");
		operation("tools/call", "_OTHER", "", "", "client", "-32602", "2025-06-18");
		operation("prompts/get", "", "summarise", "none", "none", "", "2025-11-25");
		operation("resources/read", "", "", "-32603", "server", "-32603", "");
		Timer.builder("mcp.server.session.duration")
			.description("Duration of MCP sessions")
			.serviceLevelObjectives(McpMeterNames.DURATION_BUCKETS.toArray(Duration[]::new))
			.tags("network.transport", "tcp", "mcp.protocol.version", "2025-06-18")
			.register(this.registry)
			.record(Duration.ofMinutes(3));
		Gauge.builder("mcp.server.session.active", this.activeSessions, AtomicInteger::get)
			.description("Open MCP sessions")
			.tag("network.transport", "tcp")
			.register(this.registry);
		Counter.builder("mcp.server.client.requests")
			.description("MCP requests per client")
			.tags("mcp.client.name", "other", McpMeterNames.TAG_METHOD, "tools/call", McpMeterNames.TAG_TOOL,
					"list_media", McpMeterNames.TAG_ERROR_ORIGIN, "none")
			.register(this.registry)
			.increment();
		DistributionSummary.builder("mcp.server.tool.result.size")
			.description("Characters of text content of tool results")
			.baseUnit("characters")
			.serviceLevelObjectives(256, 1024, 4096, 16384, 65536, 262144, 1048576)
			.tag(McpMeterNames.TAG_TOOL, "list_media")
			.register(this.registry)
			.record(3000);

		String scrape = this.registry.scrape(TEXT_FORMAT);
		assertThat(scrape).contains("mcp_server_operation_duration_seconds_bucket{",
				"mcp_server_session_duration_seconds_bucket{", "mcp_server_session_active{",
				"mcp_server_client_requests_total{", "mcp_server_tool_result_size_characters_bucket{",
				"mcp_server_tool_result_size_characters_max{");
		assertThat(lint(scrape)).as("promtool check metrics on\n" + scrape).isEmpty();
	}

	private void operation(String method, String tool, String prompt, String errorType, String errorOrigin,
			String statusCode, String protocolVersion) {
		Timer.builder(McpMeterNames.OPERATION_DURATION)
			.description("Duration of MCP server operations")
			.serviceLevelObjectives(McpMeterNames.DURATION_BUCKETS.toArray(Duration[]::new))
			.tags(McpMeterNames.TAG_METHOD, method, McpMeterNames.TAG_TOOL, tool, "gen_ai.prompt.name", prompt,
					McpMeterNames.TAG_ERROR_TYPE, errorType, McpMeterNames.TAG_ERROR_ORIGIN, errorOrigin,
					"rpc.response.status_code", statusCode, "gen_ai.operation.name",
					"tools/call".equals(method) ? "execute_tool" : "", "network.transport", "tcp",
					"mcp.protocol.version", protocolVersion)
			.register(this.registry)
			.record(Duration.ofMillis(30));
	}

	/** Run promtool's linter on a scrape and return what it says, one problem a line. */
	private static List<String> lint(String scrape) throws Exception {
		Path input = Files.createTempFile("scrape", ".txt");
		Path output = Files.createTempFile("promtool", ".log");
		try {
			Files.writeString(input, scrape);
			Process process = new ProcessBuilder(Executables.require("prometheus", "promtool").toString(), "check",
					"metrics")
				.redirectInput(input.toFile())
				.redirectErrorStream(true)
				.redirectOutput(output.toFile())
				.start();
			assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("promtool finished").isTrue();
			List<String> said = Files.readAllLines(output).stream().filter((line) -> !line.isBlank()).toList();
			assertThat(process.exitValue() == 0).as("promtool's exit status agrees with " + said)
				.isEqualTo(said.isEmpty());
			return said;
		}
		finally {
			Files.deleteIfExists(input);
			Files.deleteIfExists(output);
		}
	}

}
