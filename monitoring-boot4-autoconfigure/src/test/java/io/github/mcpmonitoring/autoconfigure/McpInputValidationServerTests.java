package io.github.mcpmonitoring.autoconfigure;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import io.github.mcpmonitoring.autoconfigure.inputvalidation.CountingValidatorSyncCustomizer;
import io.github.mcpmonitoring.core.McpMeterNames;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.search.Search;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.InitializeResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.ai.mcp.customizer.McpAsyncServerCustomizer;
import org.springframework.ai.mcp.customizer.McpSyncServerCustomizer;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@link McpInputValidationAutoConfiguration} in a real Spring AI 2.0 MCP server (webmvc, streamable or
 * stateless) on a random port, called by the MCP SDK's own client over HTTP: a call MCP SDK 2.0 rejects by input
 * validation is one failed call of its tool from the client, and the client's answer does not change.
 */
class McpInputValidationServerTests {

	private static final Map<String, Object> WRONG_TYPE = Map.of("a", "two", "b", 2);

	private static final Map<String, Object> MISSING_B = Map.of("a", 1);

	@Test
	void syncServerCountsEachRejectedCallOnceAsTheClientsAndAnswersAsWithoutTheStarter() {
		List<CallToolResult> withoutStarter;
		try (RunningServer server = RunningServer.start(SyncTools.class, "mcp.monitoring.enabled=false")) {
			withoutStarter = List.of(server.call(WRONG_TYPE), server.call(MISSING_B));
		}
		try (RunningServer server = RunningServer.start(SyncTools.class)) {
			assertRejectedCallsCountedOnceEach(server, withoutStarter);
		}
	}

	@Test
	void syncServletServerStillRunsSpringAisCustomizerWrapped() {
		try (RunningServer server = RunningServer.start(SyncTools.class)) {
			assertThat(server.context.getBeanNamesForType(McpSyncServerCustomizer.class))
				.containsExactly("servletMcpSyncServerCustomizer");
			assertThat(server.context.getBean(McpSyncServerCustomizer.class))
				.isInstanceOf(CountingValidatorSyncCustomizer.class);
			assertThat(server.call(Map.of("a", 1, "b", 2)).isError()).isFalse();
			// Spring AI's customizer makes the server run sync tools on the request thread.
			assertThat(server.context.getBean(SyncTools.class).threads).singleElement()
				.asString()
				.doesNotStartWith("boundedElastic");
		}
	}

	@Test
	void asyncServerCountsEachRejectedCallOnceAsTheClients() {
		List<CallToolResult> withoutStarter;
		try (RunningServer server = RunningServer.start(AsyncTools.class, "mcp.monitoring.enabled=false",
				"spring.ai.mcp.server.type=ASYNC")) {
			withoutStarter = List.of(server.call(WRONG_TYPE), server.call(MISSING_B));
		}
		try (RunningServer server = RunningServer.start(AsyncTools.class, "spring.ai.mcp.server.type=ASYNC")) {
			assertThat(server.context.getBeanNamesForType(McpAsyncServerCustomizer.class))
				.containsExactly("mcpCountingValidatorAsyncCustomizer");
			assertRejectedCallsCountedOnceEach(server, withoutStarter);
		}
	}

	@Test
	void asyncServerStillAppliesTheApplicationsCustomizer() {
		try (RunningServer server = RunningServer.start(AsyncToolsWithInstructions.class,
				"spring.ai.mcp.server.type=ASYNC")) {
			assertThat(server.initializeResult.instructions()).isEqualTo(AsyncToolsWithInstructions.INSTRUCTIONS);
			assertThat(server.call(WRONG_TYPE).isError()).isTrue();
			assertThat(server.clientToolErrors()).isEqualTo(1);
		}
	}

	@Test
	void rejectedCallsAreNotCountedWhenSwitchedOff() {
		try (RunningServer server = RunningServer.start(SyncTools.class,
				"mcp.monitoring.tools.input-validation.enabled=false")) {
			assertThat(server.call(WRONG_TYPE).isError()).isTrue();
			assertThat(server.recordedCalls()).isZero();
		}
	}

	/**
	 * A stateless server takes no customizer, so the rejected call cannot be seen: it is answered as always and not
	 * counted. The calls its handler runs are counted as on every server.
	 */
	@Test
	void statelessServerAnswersRejectedCallsWithoutCountingThem() {
		try (RunningServer server = RunningServer.start(StatelessTools.class,
				"spring.ai.mcp.server.protocol=STATELESS")) {
			CallToolResult rejected = server.call(WRONG_TYPE);
			assertThat(rejected.isError()).isTrue();
			assertThat(text(rejected)).contains("input validation failed");
			assertThat(server.recordedCalls()).isZero();
			assertThat(server.call(Map.of("a", 1, "b", 2)).isError()).isFalse();
			assertThat(server.recordedCalls()).isEqualTo(1);
		}
	}

	private static void assertRejectedCallsCountedOnceEach(RunningServer server, List<CallToolResult> withoutStarter) {
		assertThat(server.clientToolErrors()).isZero();
		CallToolResult wrongType = server.call(WRONG_TYPE);
		assertThat(wrongType).isEqualTo(withoutStarter.get(0));
		assertThat(wrongType.isError()).isTrue();
		assertThat(text(wrongType)).contains("input validation failed");
		assertThat(server.clientToolErrors()).isEqualTo(1);
		CallToolResult missing = server.call(MISSING_B);
		assertThat(missing).isEqualTo(withoutStarter.get(1));
		assertThat(text(missing)).contains("required");
		assertThat(server.clientToolErrors()).isEqualTo(2);
		assertThat(server.call(Map.of("a", 1, "b", 2)).isError()).isFalse();
		assertThat(server.clientToolErrors()).isEqualTo(2);
		assertThat(server.recordedCalls()).isEqualTo(3);
	}

	private static String text(CallToolResult result) {
		return ((TextContent) result.content().get(0)).text();
	}

	/** Two required integers, {@code a} and {@code b}. */
	private static Tool addTool() {
		return Tool.builder("add",
				Map.of("type", "object", "properties",
						Map.of("a", Map.of("type", "integer"), "b", Map.of("type", "integer")), "required",
						List.of("a", "b")))
			.description("Adds two integers")
			.build();
	}

	private static CallToolResult sum(CallToolRequest request) {
		Map<String, Object> arguments = request.arguments();
		int sum = ((Number) arguments.get("a")).intValue() + ((Number) arguments.get("b")).intValue();
		return CallToolResult.builder().addTextContent(Integer.toString(sum)).build();
	}

	/** A Spring AI MCP server with the starter, started on a random loopback port, and a client connected to it. */
	private static final class RunningServer implements AutoCloseable {

		final ConfigurableApplicationContext context;

		final McpSyncClient client;

		final InitializeResult initializeResult;

		private RunningServer(ConfigurableApplicationContext context) {
			this.context = context;
			String port = context.getEnvironment().getProperty("local.server.port");
			this.client = McpClient
				.sync(HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + port).endpoint("/mcp").build())
				.build();
			this.initializeResult = this.client.initialize();
		}

		static RunningServer start(Class<?> tools, String... properties) {
			ConfigurableApplicationContext context = new SpringApplicationBuilder(TestApplication.class, tools)
				.properties("server.port=0", "server.address=127.0.0.1", "spring.ai.mcp.server.protocol=STREAMABLE",
						"spring.main.banner-mode=off")
				.properties(properties)
				.run();
			return new RunningServer(context);
		}

		CallToolResult call(Map<String, Object> arguments) {
			return this.client.callTool(new CallToolRequest("add", arguments));
		}

		long clientToolErrors() {
			return count((search) -> search.tag("error.type", "tool_error").tag("error.origin", "client"));
		}

		long recordedCalls() {
			return count(Function.identity());
		}

		private long count(Function<Search, Search> tags) {
			MeterRegistry registry = this.context.getBean(MeterRegistry.class);
			return tags.apply(registry.find(McpMeterNames.OPERATION_DURATION).tag("gen_ai.tool.name", "add"))
				.timers()
				.stream()
				.mapToLong(Timer::count)
				.sum();
		}

		@Override
		public void close() {
			try {
				this.client.closeGracefully();
			}
			finally {
				this.context.close();
			}
		}

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class TestApplication {

	}

	@Configuration(proxyBeanMethods = false)
	static class SyncTools {

		final List<String> threads = new CopyOnWriteArrayList<>();

		@Bean
		List<McpServerFeatures.SyncToolSpecification> calculatorTools() {
			return List.of(McpServerFeatures.SyncToolSpecification.builder()
				.tool(addTool())
				.callHandler((exchange, request) -> {
					this.threads.add(Thread.currentThread().getName());
					return sum(request);
				})
				.build());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class AsyncTools {

		@Bean
		List<McpServerFeatures.AsyncToolSpecification> calculatorTools() {
			return List.of(McpServerFeatures.AsyncToolSpecification.builder()
				.tool(addTool())
				.callHandler((exchange, request) -> Mono.fromCallable(() -> sum(request)))
				.build());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class AsyncToolsWithInstructions extends AsyncTools {

		static final String INSTRUCTIONS = "Use add to add two integers.";

		@Bean
		McpAsyncServerCustomizer instructionsCustomizer() {
			return (specification) -> specification.instructions(INSTRUCTIONS);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class StatelessTools {

		@Bean
		List<McpStatelessServerFeatures.SyncToolSpecification> calculatorTools() {
			return List.of(McpStatelessServerFeatures.SyncToolSpecification.builder()
				.tool(addTool())
				.callHandler((context, request) -> sum(request))
				.build());
		}

	}

}
