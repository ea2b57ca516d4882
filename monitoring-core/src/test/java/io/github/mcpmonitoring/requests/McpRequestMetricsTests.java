package io.github.mcpmonitoring.requests;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.mcpmonitoring.core.McpMeterNames;
import io.github.mcpmonitoring.core.OperationTags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@link McpRequestMetrics} without a server: what a request is recorded under, and that a client cannot
 * choose a tag value.
 */
class McpRequestMetricsTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final McpRequestMetrics metrics = new McpRequestMetrics(this.registry, new OperationTags("tcp", false),
			Set.of("echo")::contains, (uri) -> McpMeterNames.OTHER_VALUE, false, List.of());

	private final McpSession session = this.metrics.newSession("tcp", true, List.of("2025-06-18"));

	@Test
	void aKnownMethodIsRecordedUnderItsNameAndItsSessionsVersion() {
		initialize("2025-06-18");
		answer("ping", Map.of(), new McpSchema.JSONRPCResponse("2.0", 1, Map.of(), null));
		Timer ping = timer("ping");
		assertThat(ping.count()).isEqualTo(1);
		assertThat(ping.getId().getTag("mcp.protocol.version")).isEqualTo("2025-06-18");
		assertThat(ping.getId().getTag("network.transport")).isEqualTo("tcp");
	}

	@Test
	void aVersionTheServerDoesNotKnowIsOther() {
		initialize("1999-01-01");
		answer("ping", Map.of(), new McpSchema.JSONRPCResponse("2.0", 1, Map.of(), null));
		assertThat(timer("ping").getId().getTag("mcp.protocol.version")).isEqualTo("_OTHER");
	}

	@Test
	void aSecondSuccessfulRequestRegistersNothing() {
		answer("tools/list", Map.of(), new McpSchema.JSONRPCResponse("2.0", 1, Map.of(), null));
		int meters = this.registry.getMeters().size();
		answer("tools/list", Map.of(), new McpSchema.JSONRPCResponse("2.0", 2, Map.of(), null));
		assertThat(this.registry.getMeters()).hasSize(meters);
		assertThat(timer("tools/list").count()).isEqualTo(2);
	}

	@Test
	void aMethodAnsweredWithAnErrorIsOtherWhateverTheCode() {
		answer("x/" + "a".repeat(10), Map.of(), error(-32601));
		answer("y/secret", Map.of(), error(-32603));
		McpRequest request = this.metrics.start("z/hostile", Map.of(), null, this.session.connection(), 1);
		this.metrics.failed(request, new McpError("Missing handler for request type: z/hostile"));
		assertThat(this.registry.find(McpMeterNames.OPERATION_DURATION).timers())
			.allSatisfy((timer) -> assertThat(timer.getId().getTag("mcp.method.name")).isEqualTo("_OTHER"));
		assertThat(this.registry.get(McpMeterNames.OPERATION_DURATION)
			.tag("rpc.response.status_code", "-32601")
			.timer()
			.count()).as("the bare error of SDK 0.18's stateless server is -32601").isEqualTo(2);
	}

	@Test
	void aMethodOfTheServersOwnAnsweredWithAResultKeepsItsName() {
		answer("vendor/extension", Map.of(), new McpSchema.JSONRPCResponse("2.0", 1, Map.of(), null));
		assertThat(timer("vendor/extension").count()).isEqualTo(1);
	}

	@Test
	void aToolCallOfAnUnknownToolIsOtherAndTheClientsMistake() {
		answer("tools/call", Map.of("name", "no_such_tool"), error(-32602));
		Timer timer = timer("tools/call");
		assertThat(timer.getId().getTag("gen_ai.tool.name")).isEqualTo("_OTHER");
		assertThat(timer.getId().getTag("error.type")).isEmpty();
		assertThat(timer.getId().getTag("error.origin")).isEqualTo("client");
		assertThat(timer.getId().getTag("gen_ai.operation.name")).isEqualTo("execute_tool");
	}

	@Test
	void aServerErrorHasItsCodeAsErrorType() {
		answer("resources/read", Map.of("uri", "x://1"), error(-32603));
		Timer timer = timer("resources/read");
		assertThat(timer.getId().getTag("error.type")).isEqualTo("-32603");
		assertThat(timer.getId().getTag("error.origin")).isEqualTo("server");
	}

	@Test
	void aToolCallTheToolLayerRecordedIsNotRecordedAgain() {
		McpRequest request = this.metrics.start("tools/call", Map.of("name", "echo"), this.session,
				this.session.connection(), 1);
		request.recordedByToolLayer();
		this.metrics.answered(request, null, new McpSchema.JSONRPCResponse.JSONRPCError(-32603, "boom", null));
		McpRequest answeredWithAResult = this.metrics.start("tools/call", Map.of("name", "echo"), this.session,
				this.session.connection(), 2);
		this.metrics.answered(answeredWithAResult, McpSchema.CallToolResult.builder().build(), null);
		assertThat(this.registry.find(McpMeterNames.OPERATION_DURATION).timers()).isEmpty();
	}

	@Test
	void aRequestIsRecordedOnceWhicheverSignalEndsItFirst() {
		McpRequest request = this.metrics.start("ping", Map.of(), this.session, this.session.connection(), 1);
		this.metrics.answered(request, Map.of(), null);
		this.metrics.failed(request, new IllegalStateException());
		assertThat(this.registry.find(McpMeterNames.OPERATION_DURATION).timers()).singleElement()
			.satisfies((timer) -> assertThat(timer.count()).isEqualTo(1));
	}

	@Test
	void aPromptIsNamedOnlyOnceTheServerHasAnsweredIt() {
		answer("prompts/get", Map.of("name", "made_up"), error(-32602));
		answer("prompts/get", Map.of("name", "greet"), new McpSchema.JSONRPCResponse("2.0", 1, Map.of(), null));
		answer("prompts/get", Map.of("name", "greet"), error(-32603));
		assertThat(this.registry.find(McpMeterNames.OPERATION_DURATION).timers())
			.extracting((timer) -> timer.getId().getTag("gen_ai.prompt.name"))
			.containsExactlyInAnyOrder("_OTHER", "greet", "greet");
	}

	@Test
	void sessionsCountWhileOpen() {
		initialize("2025-06-18");
		assertThat(this.registry.get(McpMeterNames.SESSION_ACTIVE).gauge().value()).isEqualTo(1);
		this.metrics.sessionEnded(this.session);
		this.metrics.sessionEnded(this.session);
		assertThat(this.registry.get(McpMeterNames.SESSION_ACTIVE).gauge().value()).isZero();
		assertThat(this.registry.get(McpMeterNames.SESSION_DURATION).timer().count()).isEqualTo(1);
	}

	private void initialize(String version) {
		McpRequest request = this.metrics.start("initialize",
				Map.of("clientInfo", Map.of("name", "tester", "version", "1")), this.session,
				this.session.connection(), 0);
		this.metrics.answered(request, new McpSchema.InitializeResult(version,
				McpSchema.ServerCapabilities.builder().build(), new McpSchema.Implementation("s", "1"), null), null);
	}

	private void answer(String method, Object params, McpSchema.JSONRPCResponse response) {
		McpRequest request = this.metrics.start(method, params, this.session, this.session.connection(),
				response.id());
		this.metrics.answered(request, response.result(), response.error());
	}

	private static McpSchema.JSONRPCResponse error(int code) {
		return new McpSchema.JSONRPCResponse("2.0", 1, null,
				new McpSchema.JSONRPCResponse.JSONRPCError(code, "message", null));
	}

	private Timer timer(String method) {
		return this.registry.get(McpMeterNames.OPERATION_DURATION).tag("mcp.method.name", method).timer();
	}

}
