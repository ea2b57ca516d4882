package io.github.mcpmonitoring.requests;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import io.github.mcpmonitoring.core.McpMeterNames;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpServerTransportProviderBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Tests of the request layer in a real Spring AI MCP server (webmvc; streamable, SSE and stateless; SYNC and ASYNC)
 * on a random port, called by the MCP SDK's own client over HTTP: every request counted once, with bounded tags;
 * unknown tools and methods under {@code _OTHER}; sessions; clients; and the answers the client gets unchanged.
 */
class McpRequestMetricsServerTests {

	static Stream<Arguments> servers() {
		return Stream.of(RequestMetricsServer.Protocol.values())
			.flatMap((protocol) -> Stream.of(RequestMetricsServer.Type.values())
				.map((type) -> Arguments.of(protocol, type)));
	}

	@ParameterizedTest
	@MethodSource("servers")
	void countsOneCallOfEachMethodFamilyOnce(RequestMetricsServer.Protocol protocol, RequestMetricsServer.Type type) {
		try (RequestMetricsServer server = start(protocol, type)) {
			McpSyncClient client = server.client("tester");
			long before = server.total();
			client.ping();
			client.listTools();
			CallToolResult echoed = client.callTool(new CallToolRequest("echo", Map.of()));
			client.listResources();
			client.readResource(new McpSchema.ReadResourceRequest(TestSpecifications.STATIC_URI));
			client.listResourceTemplates();
			client.listPrompts();
			client.getPrompt(new McpSchema.GetPromptRequest("greet", Map.of()));
			client.completeCompletion(new McpSchema.CompleteRequest(new McpSchema.PromptReference("greet"),
					new McpSchema.CompleteRequest.CompleteArgument("name", "a")));
			Throwable logging = catchThrowable(() -> client.setLoggingLevel(McpSchema.LoggingLevel.INFO));

			assertThat(echoed.isError()).isNotEqualTo(Boolean.TRUE);
			for (String method : List.of("ping", "tools/list", "resources/list", "resources/read",
					"resources/templates/list", "prompts/list", "completion/complete")) {
				assertOnce(server, method, "", "");
			}
			assertOnce(server, "tools/call", "echo", "");
			assertOnce(server, "prompts/get", "", "greet");
			if (protocol.stateful()) {
				assertThat(logging).isNull();
				assertOnce(server, "logging/setLevel", "", "");
			}
			else {
				// The client does not send logging/setLevel to a server without the logging capability.
				assertThat(logging).isInstanceOf(IllegalStateException.class);
				assertThat(server.count("mcp.method.name", "logging/setLevel")).isZero();
			}
			assertThat(server.total() - before).as(RequestMetricsServer.describe(server.timers()))
				.isEqualTo(protocol.stateful() ? 10 : 9);
			String version = protocol.stateful() ? server.timers("mcp.method.name", "ping").get(0)
				.getId()
				.getTag("mcp.protocol.version") : "";
			assertThat(server.timers("mcp.method.name", "ping").get(0).getId().getTag("mcp.protocol.version"))
				.isEqualTo(version);
			if (protocol.stateful()) {
				assertThat(version).isNotEmpty().isNotEqualTo(McpMeterNames.OTHER_VALUE);
				assertThat(server.count("mcp.method.name", "initialize", "error.type", "none",
						"mcp.protocol.version", version))
					.isEqualTo(1);
			}
			assertThat(server.timers("mcp.method.name", "tools/call", "gen_ai.tool.name", "echo", "error.type", "none")
				.stream()
				.filter((timer) -> timer.count() > 0)
				.map((timer) -> timer.getId().getTag("mcp.protocol.version")))
				.as("the tool layer takes the version from the request")
				.containsExactly(version);
			for (Timer timer : server.timers()) {
				assertThat(timer.getId().getTag("network.transport")).isEqualTo("tcp");
			}
		}
	}

	@ParameterizedTest
	@MethodSource("servers")
	void countsCallsOfUnknownToolsUnderOneSeriesAsTheClientsMistake(RequestMetricsServer.Protocol protocol,
			RequestMetricsServer.Type type) {
		try (RequestMetricsServer server = start(protocol, type)) {
			McpSyncClient client = server.client("tester");
			int seriesBefore = server.timers().size();
			for (int i = 0; i < 300; i++) {
				String name = "no_such_tool_" + UUID.randomUUID();
				Throwable thrown = catchThrowable(() -> client.callTool(new CallToolRequest(name, Map.of())));
				assertThat(thrown).isInstanceOf(McpError.class);
			}
			List<Timer> unknown = server.timers("mcp.method.name", "tools/call", "gen_ai.tool.name", "_OTHER");
			assertThat(unknown).singleElement().satisfies((timer) -> {
				assertThat(timer.count()).isEqualTo(300);
				assertThat(timer.getId().getTag("rpc.response.status_code")).isEqualTo("-32602");
				assertThat(timer.getId().getTag("error.type")).isEmpty();
				assertThat(timer.getId().getTag("error.origin")).isEqualTo("client");
				assertThat(timer.getId().getTag("gen_ai.operation.name")).isEqualTo("execute_tool");
			});
			assertThat(server.timers()).as(RequestMetricsServer.describe(server.timers())).hasSize(seriesBefore + 1);
		}
	}

	@ParameterizedTest
	@MethodSource("servers")
	void aToolThatThrowsIsCountedOnceWithItsExceptionClass(RequestMetricsServer.Protocol protocol,
			RequestMetricsServer.Type type) {
		try (RequestMetricsServer server = start(protocol, type)) {
			McpSyncClient client = server.client("tester");
			catchThrowable(() -> client.callTool(new CallToolRequest("fail", Map.of())));
			assertThat(server.count("mcp.method.name", "tools/call", "gen_ai.tool.name", "fail"))
				.as(RequestMetricsServer.describe(server.timers()))
				.isEqualTo(1);
			assertThat(server.count("gen_ai.tool.name", "fail", "error.type", "IllegalStateException")).isEqualTo(1);
		}
	}

	@ParameterizedTest
	@EnumSource(value = RequestMetricsServer.Protocol.class, names = { "STREAMABLE", "STATELESS" })
	void countsAnUnknownMethodUnderOther(RequestMetricsServer.Protocol protocol) throws Exception {
		try (RequestMetricsServer server = start(protocol)) {
			String answer = server.rawRequest("no/such/method");
			if (protocol == RequestMetricsServer.Protocol.STATELESS) {
				// The stateless transport answers the handler's -32601 with an HTTP 500 and an error body of its own.
				assertThat(answer).as(answer).isNotEmpty().doesNotContain("\"result\"");
				assertThat(server.timers("mcp.method.name", "_OTHER")).as(RequestMetricsServer.describe(server.timers())).isNotEmpty();
			}
			else {
				assertThat(answer).contains("-32601");
			}
			assertThat(server.timers("mcp.method.name", "_OTHER")).singleElement().satisfies((timer) -> {
				assertThat(timer.count()).isEqualTo(1);
				assertThat(timer.getId().getTag("rpc.response.status_code")).isEqualTo("-32601");
				assertThat(timer.getId().getTag("error.origin")).isEqualTo("client");
			});
			assertThat(server.hasTimer((timer) -> timer.getId().getTags().toString().contains("no/such"))).isFalse();
		}
	}

	@ParameterizedTest
	@EnumSource(RequestMetricsServer.Type.class)
	void sessionsOpenedAndClosedShowInTheSessionMeters(RequestMetricsServer.Type type) {
		try (RequestMetricsServer server = start(RequestMetricsServer.Protocol.STREAMABLE, type)) {
			assertThat(server.activeSessions()).isZero();
			server.client("one").ping();
			server.client("two").ping();
			assertThat(server.activeSessions()).isEqualTo(2);
			server.closeClients();
			assertThat(server.activeSessions()).isZero();
			assertThat(server.sessionDurations()).isEqualTo(2);
			assertThat(server.registry().get(McpMeterNames.SESSION_DURATION).timer().getId().getTag(
					"mcp.protocol.version")).isNotEmpty();
		}
	}

	@ParameterizedTest
	@EnumSource(value = RequestMetricsServer.Protocol.class, names = { "SSE", "STATELESS" })
	void noSessionMetersWhereTheTransportDoesNotTellWhenASessionEnds(RequestMetricsServer.Protocol protocol) {
		try (RequestMetricsServer server = start(protocol)) {
			server.client("one").ping();
			server.closeClients();
			assertThat(server.activeSessions()).isNull();
			assertThat(server.sessionDurations()).isZero();
		}
	}

	@Test
	void clientsAreNotCountedByDefault() {
		try (RequestMetricsServer server = start(RequestMetricsServer.Protocol.STREAMABLE)) {
			server.client("tester").ping();
			assertThat(server.registry().find(McpMeterNames.CLIENT_REQUESTS).counters()).isEmpty();
		}
	}

	@Test
	void clientsAreCountedUnderTheirNameWhenAllowedElseAsOther() {
		try (RequestMetricsServer server = start(RequestMetricsServer.Protocol.STREAMABLE,
				"mcp.monitoring.clients.enabled=true", "mcp.monitoring.clients.allowed=claude-code")) {
			server.client("claude-code").ping();
			McpSyncClient stranger = server.client("stranger " + UUID.randomUUID());
			stranger.ping();
			stranger.callTool(new CallToolRequest("echo", Map.of()));
			assertThat(clientRequests(server, "claude-code", "ping")).isEqualTo(1);
			assertThat(clientRequests(server, "other", "ping")).isEqualTo(1);
			assertThat(clientRequests(server, "other", "tools/call")).isEqualTo(1);
			assertThat(server.registry().find(McpMeterNames.CLIENT_REQUESTS).counters())
				.allSatisfy((counter) -> assertThat(counter.getId().getTag("mcp.client.name"))
					.isIn("claude-code", "other"));
		}
	}

	@Test
	void theResourceUriIsTheTemplateOnlyWhenSwitchedOn() {
		try (RequestMetricsServer server = start(RequestMetricsServer.Protocol.STREAMABLE,
				"mcp.monitoring.requests.resource-uri.enabled=true")) {
			McpSyncClient client = server.client("tester");
			client.readResource(new McpSchema.ReadResourceRequest("test://items/42"));
			client.readResource(new McpSchema.ReadResourceRequest(TestSpecifications.STATIC_URI));
			client.callTool(new CallToolRequest("echo", Map.of()));
			assertThat(server.count("mcp.resource.uri", TestSpecifications.TEMPLATE)).isEqualTo(1);
			assertThat(server.count("mcp.resource.uri", TestSpecifications.STATIC_URI)).isEqualTo(1);
			assertThat(server.timers()).allSatisfy(
					(timer) -> assertThat(timer.getId().getTag("mcp.resource.uri")).isNotNull().doesNotContain("42"));
		}
		try (RequestMetricsServer server = start(RequestMetricsServer.Protocol.STREAMABLE)) {
			server.client("tester").readResource(new McpSchema.ReadResourceRequest("test://items/42"));
			assertThat(server.timers()).allSatisfy(
					(timer) -> assertThat(timer.getId().getTag("mcp.resource.uri")).isNull());
		}
	}

	@ParameterizedTest
	@MethodSource("servers")
	void answersAsWithoutTheStarter(RequestMetricsServer.Protocol protocol, RequestMetricsServer.Type type) {
		List<Object> without;
		try (RequestMetricsServer server = start(protocol, type, "mcp.monitoring.enabled=false")) {
			without = answers(server.client("tester"));
		}
		try (RequestMetricsServer server = start(protocol, type)) {
			assertThat(server.context.getBean(McpRequestMetrics.class)).isNotNull();
			assertThat(answers(server.client("tester"))).isEqualTo(without);
		}
	}

	@Test
	void recordsNothingWhenSwitchedOff() {
		try (RequestMetricsServer server = start(RequestMetricsServer.Protocol.STREAMABLE,
				"mcp.monitoring.requests.enabled=false")) {
			McpSyncClient client = server.client("tester");
			client.ping();
			catchThrowable(() -> client.callTool(new CallToolRequest("nope", Map.of())));
			client.callTool(new CallToolRequest("echo", Map.of()));
			assertThat(server.context.getBeansOfType(McpServerTransportProviderBase.class)).hasSize(1);
			assertThat(server.count("mcp.method.name", "ping")).isZero();
			assertThat(server.count("gen_ai.tool.name", "_OTHER")).isZero();
			assertThat(server.count("gen_ai.tool.name", "echo")).isEqualTo(1);
			assertThat(server.activeSessions()).isNull();
		}
	}

	private static List<Object> answers(McpSyncClient client) {
		Object echoed = client.callTool(new CallToolRequest("echo", Map.of("a", 1)));
		Throwable failed = catchThrowable(() -> client.callTool(new CallToolRequest("fail", Map.of())));
		Throwable unknown = catchThrowable(() -> client.callTool(new CallToolRequest("nope", Map.of())));
		Object prompt = client.getPrompt(new McpSchema.GetPromptRequest("greet", Map.of()));
		Object resource = client.readResource(new McpSchema.ReadResourceRequest("test://items/7"));
		return List.of(echoed, describe(failed), describe(unknown), prompt, resource);
	}

	private static String describe(Throwable thrown) {
		return (thrown != null) ? thrown.getClass().getName() + ": " + thrown.getMessage() : "no exception";
	}

	private static double clientRequests(RequestMetricsServer server, String client, String method) {
		return server.registry()
			.find(McpMeterNames.CLIENT_REQUESTS)
			.tag("mcp.client.name", client)
			.tag("mcp.method.name", method)
			.counters()
			.stream()
			.mapToDouble(Counter::count)
			.sum();
	}

	private static void assertOnce(RequestMetricsServer server, String method, String tool, String prompt) {
		// The tool layer registers each tool's success and tool_error series before the first call.
		List<Timer> timers = server.timers("mcp.method.name", method)
			.stream()
			.filter((timer) -> timer.count() > 0)
			.toList();
		assertThat(timers).as("%s: %s", method, RequestMetricsServer.describe(server.timers()))
			.singleElement()
			.satisfies((timer) -> {
				assertThat(timer.count()).isEqualTo(1);
				assertThat(timer.getId().getTag("gen_ai.tool.name")).isEqualTo(tool);
				assertThat(timer.getId().getTag("gen_ai.prompt.name")).isEqualTo(prompt);
				assertThat(timer.getId().getTag("error.type")).isEqualTo("none");
				assertThat(timer.getId().getTag("error.origin")).isEqualTo("none");
				assertThat(timer.getId().getTag("rpc.response.status_code")).isEmpty();
				assertThat(timer.getId().getTag("gen_ai.operation.name"))
					.isEqualTo("tools/call".equals(method) ? "execute_tool" : "");
			});
	}

	private static RequestMetricsServer start(RequestMetricsServer.Protocol protocol, String... properties) {
		return start(protocol, RequestMetricsServer.Type.SYNC, properties);
	}

	private static RequestMetricsServer start(RequestMetricsServer.Protocol protocol, RequestMetricsServer.Type type,
			String... properties) {
		return RequestMetricsServer.start(protocol, type, specifications(protocol, type), properties);
	}

	private static Class<?> specifications(RequestMetricsServer.Protocol protocol, RequestMetricsServer.Type type) {
		boolean async = type == RequestMetricsServer.Type.ASYNC;
		if (protocol == RequestMetricsServer.Protocol.STATELESS) {
			return async ? TestSpecifications.StatelessAsync.class : TestSpecifications.Stateless.class;
		}
		return async ? TestSpecifications.Async.class : TestSpecifications.Sync.class;
	}

}
