package io.github.mcpmonitoring.requests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.mcpmonitoring.core.McpMeterNames;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests of the request layer in a real Spring AI MCP server on the MCP SDK's stdio transport (SYNC and ASYNC), talked
 * to in JSON-RPC lines over its standard input and output: every request counted once as {@code pipe}, and the one
 * stdio session in the session meters.
 */
class StdioRequestMetricsTests {

	private static final String INITIALIZE = "{\"protocolVersion\":\"2024-11-05\",\"capabilities\":{},"
			+ "\"clientInfo\":{\"name\":\"stdio-tester\",\"version\":\"1.0\"}}";

	@ParameterizedTest
	@EnumSource(RequestMetricsServer.Type.class)
	void countsEachRequestOnceAsPipe(RequestMetricsServer.Type type) throws Exception {
		try (StdioServer server = start(type)) {
			McpSchema.JSONRPCResponse initialized = server.request(1, "initialize", INITIALIZE);
			server.send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
			assertThat(server.request(2, "ping", "{}").error()).isNull();
			assertThat(server.request(3, "tools/list", "{}").error()).isNull();
			assertThat(server.request(4, "tools/call", "{\"name\":\"echo\",\"arguments\":{}}").error()).isNull();
			server.request(5, "tools/call", "{\"name\":\"fail\",\"arguments\":{}}");
			McpSchema.JSONRPCResponse unknown = server.request(6, "tools/call",
					"{\"name\":\"no_such_tool\",\"arguments\":{}}");
			assertThat(server.request(7, "resources/read", "{\"uri\":\"" + TestSpecifications.STATIC_URI + "\"}")
				.error()).isNull();
			assertThat(server.request(8, "prompts/get", "{\"name\":\"greet\",\"arguments\":{}}").error()).isNull();
			assertThat(server.request(9, "completion/complete", "{\"ref\":{\"type\":\"ref/prompt\",\"name\":\"greet\"},"
					+ "\"argument\":{\"name\":\"name\",\"value\":\"a\"}}")
				.error()).isNull();
			assertThat(server.request(10, "logging/setLevel", "{\"level\":\"info\"}").error()).isNull();

			assertThat(initialized.error()).isNull();
			assertThat(unknown.error()).isNotNull();
			assertThat(unknown.error().code()).isEqualTo(-32602);
			String version = String.valueOf(((Map<?, ?>) initialized.result()).get("protocolVersion"));
			MeterRegistry registry = server.context.getBean(MeterRegistry.class);
			List<Timer> counted = counted(registry);
			String all = RequestMetricsServer.describe(counted);
			assertThat(counted).as(all)
				.allSatisfy((timer) -> assertThat(timer.getId().getTag("network.transport")).isEqualTo("pipe"));
			assertThat(counted).as(all)
				.allSatisfy((timer) -> assertThat(timer.getId().getTag("mcp.protocol.version")).isEqualTo(version));
			assertThat(counted.stream().mapToLong(Timer::count).sum()).as(all).isEqualTo(10);
			for (String method : List.of("initialize", "ping", "tools/list", "resources/read", "completion/complete",
					"logging/setLevel")) {
				assertOnce(counted, "mcp.method.name", method, "error.type", "none");
			}
			assertOnce(counted, "mcp.method.name", "prompts/get", "gen_ai.prompt.name", "greet", "error.type", "none");
			assertOnce(counted, "mcp.method.name", "tools/call", "gen_ai.tool.name", "echo", "error.type", "none");
			assertOnce(counted, "mcp.method.name", "tools/call", "gen_ai.tool.name", "fail", "error.type",
					"IllegalStateException");
			assertOnce(counted, "mcp.method.name", "tools/call", "gen_ai.tool.name", "_OTHER", "error.type", "",
					"rpc.response.status_code", "-32602");
		}
	}

	@ParameterizedTest
	@EnumSource(RequestMetricsServer.Type.class)
	void theStdioSessionShowsInTheSessionMetersUntilItsInputEnds(RequestMetricsServer.Type type) throws Exception {
		try (StdioServer server = start(type)) {
			MeterRegistry registry = server.context.getBean(MeterRegistry.class);
			assertThat(activeSessions(registry)).isZero();
			server.request(1, "initialize", INITIALIZE);
			server.send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
			server.request(2, "ping", "{}");
			assertThat(activeSessions(registry)).isEqualTo(1);
			assertThat(registry.find(McpMeterNames.SESSION_DURATION).timers()).isEmpty();

			server.closeInput();
			// The SDK closes the session on its own inbound thread once it reads the end of its input.
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(activeSessions(registry)).isZero());
			assertThat(registry.get(McpMeterNames.SESSION_DURATION).timers()).singleElement().satisfies((timer) -> {
				assertThat(timer.count()).isEqualTo(1);
				assertThat(timer.getId().getTag("network.transport")).isEqualTo("pipe");
				assertThat(timer.getId().getTag("mcp.protocol.version")).isNotEmpty();
			});
		}
	}

	private static StdioServer start(RequestMetricsServer.Type type) throws Exception {
		Class<?> specifications = (type == RequestMetricsServer.Type.ASYNC) ? TestSpecifications.Async.class
				: TestSpecifications.Sync.class;
		return StdioServer.start(specifications, "spring.ai.mcp.server.type=" + type);
	}

	private static double activeSessions(MeterRegistry registry) {
		Gauge gauge = registry.get(McpMeterNames.SESSION_ACTIVE).tag("network.transport", "pipe").gauge();
		return gauge.value();
	}

	/** The operation timers that counted something: the tool layer registers some series before any call. */
	private static List<Timer> counted(MeterRegistry registry) {
		List<Timer> timers = new ArrayList<>(registry.find(McpMeterNames.OPERATION_DURATION).timers());
		timers.removeIf((timer) -> timer.count() == 0);
		return timers;
	}

	private static void assertOnce(List<Timer> counted, String... tags) {
		List<Timer> matching = counted.stream().filter((timer) -> {
			for (int i = 0; i < tags.length; i += 2) {
				if (!tags[i + 1].equals(timer.getId().getTag(tags[i]))) {
					return false;
				}
			}
			return true;
		}).toList();
		assertThat(matching).as("%s in %s", List.of(tags), RequestMetricsServer.describe(counted))
			.singleElement()
			.satisfies((timer) -> assertThat(timer.count()).isEqualTo(1));
	}

}
