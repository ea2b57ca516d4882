package io.github.mcpmonitoring.requests;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.mcpmonitoring.tracing.McpAccessLog;
import io.github.mcpmonitoring.tracing.ToolCallMdc;
import io.micrometer.observation.Observation;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.MDC;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Tests of the spans of MCP requests in a real Spring AI MCP server with Spring Boot's own tracing (Micrometer Tracing
 * over the OpenTelemetry SDK), called by the MCP SDK's client: the caller's context from {@code params._meta}, the
 * HTTP request's otherwise, failures on the span, and what a tool runs in.
 */
class McpRequestTracingServerTests {

	private static final String CALLER_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

	private static final String CALLER_SPAN = "00f067aa0ba902b7";

	private static final String HTTP_TRACE = "0af7651916cd43dd8448eb211c80319c";

	private static final String HTTP_SPAN = "b7ad6b7169203331";

	private static final Map<String, Object> CALLER_META = Map.of("traceparent",
			"00-" + CALLER_TRACE + "-" + CALLER_SPAN + "-01");

	private static final Queue<String> seenInTool = new ConcurrentLinkedQueue<>();

	@ParameterizedTest
	@EnumSource(RequestMetricsServer.Protocol.class)
	void aToolCallWithTheCallersContextInMetaIsAServerSpanOfTheCallersTrace(RequestMetricsServer.Protocol protocol) {
		try (RequestMetricsServer server = start(protocol)) {
			McpSyncClient client = server.client("tester");
			client.callTool(new CallToolRequest("echo", Map.of(), CALLER_META));

			SpanData span = span(server, "tools/call echo");
			assertThat(span.getKind()).isEqualTo(SpanKind.SERVER);
			assertThat(span.getTraceId()).isEqualTo(CALLER_TRACE);
			assertThat(span.getParentSpanId()).isEqualTo(CALLER_SPAN);
			assertThat(span.getStatus().getStatusCode()).isNotEqualTo(StatusCode.ERROR);
			assertThat(attribute(span, "mcp.method.name")).isEqualTo("tools/call");
			assertThat(attribute(span, "gen_ai.tool.name")).isEqualTo("echo");
			assertThat(attribute(span, "gen_ai.operation.name")).isEqualTo("execute_tool");
			assertThat(attribute(span, "network.transport")).isEqualTo("tcp");
			assertThat(attribute(span, "jsonrpc.request.id")).isNotEmpty();
			assertThat(attribute(span, "gen_ai.tool.call.arguments")).as("never without the opt-in").isNull();
			assertThat(attribute(span, "gen_ai.tool.call.result")).isNull();
			assertThat(attribute(span, "mcp.session.id")).satisfies((sessionId) -> {
				if (protocol.stateful()) {
					assertThat(sessionId).isNotEmpty();
				}
				else {
					assertThat(sessionId).isNull();
				}
			});
		}
	}

	@ParameterizedTest
	@EnumSource(RequestMetricsServer.Protocol.class)
	void withoutContextInMetaTheRequestSpanIsAChildOfTheHttpServerSpan(RequestMetricsServer.Protocol protocol) {
		try (RequestMetricsServer server = start(protocol)) {
			McpSyncClient client = server.client("tester");
			client.callTool(new CallToolRequest("echo", Map.of()));

			SpanData span = span(server, "tools/call echo");
			// The HTTP server span ends after the answer is on its way: only its context is checked here, not its
			// export. The one local span open where a request arrives is the HTTP request's.
			assertThat(span.getParentSpanContext().isValid()).isTrue();
			assertThat(span.getParentSpanContext().isRemote()).isFalse();
			assertThat(span.getTraceId()).isNotEqualTo(CALLER_TRACE);
			assertThat(spans(server)).noneMatch((other) -> other.getSpanId().equals(span.getParentSpanId())
					&& !other.getKind().equals(SpanKind.SERVER));
		}
	}

	@Test
	void theCallersContextInMetaWinsOverTheHttpRequestsWhichBecomesALink() {
		try (RequestMetricsServer server = start(RequestMetricsServer.Protocol.STREAMABLE)) {
			McpSyncClient client = McpClient
				.sync(HttpClientStreamableHttpTransport.builder(server.baseUrl())
					.endpoint("/mcp")
					.httpRequestCustomizer((request, method, uri, body, context) -> request.header("traceparent",
							"00-" + HTTP_TRACE + "-" + HTTP_SPAN + "-01"))
					.build())
				.requestTimeout(Duration.ofSeconds(30))
				.build();
			try {
				client.initialize();
				client.callTool(new CallToolRequest("echo", Map.of(), CALLER_META));
			}
			finally {
				client.closeGracefully();
			}

			SpanData span = span(server, "tools/call echo");
			assertThat(span.getTraceId()).isEqualTo(CALLER_TRACE);
			assertThat(span.getParentSpanId()).isEqualTo(CALLER_SPAN);
			assertThat(span.getLinks()).anySatisfy(
					(link) -> assertThat(link.getSpanContext().getTraceId()).isEqualTo(HTTP_TRACE));
		}
	}

	@ParameterizedTest
	@EnumSource(RequestMetricsServer.Protocol.class)
	void aToolThatThrowsFailsItsSpanWithTheExceptionClass(RequestMetricsServer.Protocol protocol) {
		try (RequestMetricsServer server = start(protocol)) {
			McpSyncClient client = server.client("tester");
			catchThrowable(() -> client.callTool(new CallToolRequest("fail", Map.of(), CALLER_META)));

			SpanData span = span(server, "tools/call fail");
			assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
			assertThat(attribute(span, "error.type")).isEqualTo("IllegalStateException");
		}
	}

	@ParameterizedTest
	@EnumSource(RequestMetricsServer.Protocol.class)
	void anIsErrorResultFailsItsSpanAsAToolError(RequestMetricsServer.Protocol protocol) {
		try (RequestMetricsServer server = start(protocol)) {
			McpSyncClient client = server.client("tester");
			CallToolResult result = client.callTool(new CallToolRequest("refuse", Map.of(), CALLER_META));

			assertThat(result.isError()).isTrue();
			SpanData span = span(server, "tools/call refuse");
			assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
			assertThat(attribute(span, "error.type")).isEqualTo("tool_error");
		}
	}

	@ParameterizedTest
	@EnumSource(RequestMetricsServer.Protocol.class)
	void aToolRunsInItsRequestsSpanWithItsNameAndSessionInTheMdc(RequestMetricsServer.Protocol protocol) {
		seenInTool.clear();
		try (RequestMetricsServer server = start(protocol)) {
			McpSyncClient client = server.client("tester");
			client.callTool(new CallToolRequest("traced", Map.of(), CALLER_META));

			SpanData request = span(server, "tools/call traced");
			SpanData child = span(server, "work.in.tool");
			assertThat(child.getParentSpanId()).isEqualTo(request.getSpanId());
			assertThat(child.getTraceId()).isEqualTo(CALLER_TRACE);
			String sessionId = protocol.stateful() ? attribute(request, "mcp.session.id") : null;
			assertThat(seenInTool).containsExactly("tool=traced", "session=" + sessionId, "trace=" + CALLER_TRACE);
			assertThat(MDC.get(ToolCallMdc.TOOL_NAME)).isNull();
		}
	}

	@Test
	void anAsyncToolIsSubscribedInItsRequestsSpanWithItsNameInTheMdc() {
		seenInTool.clear();
		try (RequestMetricsServer server = RequestMetricsServer.start(RequestMetricsServer.Protocol.STREAMABLE,
				AsyncStatefulTools.class, "spring.ai.mcp.server.type=ASYNC",
				"management.tracing.sampling.probability=1.0")) {
			McpSyncClient client = server.client("tester");
			client.callTool(new CallToolRequest("traced", Map.of(), CALLER_META));
			catchThrowable(() -> client.callTool(new CallToolRequest("fail", Map.of(), CALLER_META)));

			SpanData request = span(server, "tools/call traced");
			assertThat(request.getTraceId()).isEqualTo(CALLER_TRACE);
			assertThat(span(server, "work.in.tool").getParentSpanId()).isEqualTo(request.getSpanId());
			assertThat(seenInTool).containsExactly("tool=traced",
					"session=" + attribute(request, "mcp.session.id"), "trace=" + CALLER_TRACE);
			assertThat(attribute(span(server, "tools/call fail"), "error.type")).isEqualTo("IllegalStateException");
			client.callTool(new CallToolRequest("later", Map.of(), CALLER_META));
			assertThat(exemplarTraceIds(server, "traced")).as("the async tool's timer recorded in its request's span")
				.contains(CALLER_TRACE);
			assertThat(exemplarTraceIds(server, "later")).as("also when the result arrives on another thread")
				.contains(CALLER_TRACE);
		}
	}

	@ParameterizedTest
	@EnumSource(RequestMetricsServer.Protocol.class)
	void aToolCallsHistogramBucketNamesItsTraceAsAnExemplar(RequestMetricsServer.Protocol protocol) {
		try (RequestMetricsServer server = start(protocol)) {
			server.client("tester").callTool(new CallToolRequest("echo", Map.of(), CALLER_META));

			assertThat(exemplarTraceIds(server, "echo")).contains(CALLER_TRACE);
		}
	}

	@ParameterizedTest
	@EnumSource(RequestMetricsServer.Protocol.class)
	void theAccessLogLineOfACallCarriesItsTraceIdAndTool(RequestMetricsServer.Protocol protocol) {
		ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
			.getLogger(McpAccessLog.LOGGER_NAME);
		AccessLines lines = new AccessLines();
		try (RequestMetricsServer server = start(protocol, "mcp.monitoring.access-log.enabled=true")) {
			// After the start: Boot's logging system resets Logback's appenders when the application starts.
			lines.start();
			logger.addAppender(lines);
			logger.setLevel(ch.qos.logback.classic.Level.INFO);
			server.client("tester").callTool(new CallToolRequest("echo", Map.of(), CALLER_META));

			assertThat(lines.lines).filteredOn((line) -> "echo".equals(line.get("gen_ai.tool.name")))
				.singleElement()
				.satisfies((line) -> {
					assertThat(line).containsEntry("traceId", CALLER_TRACE)
						.containsEntry("mcp.method.name", "tools/call")
						.containsEntry("mcp.outcome", "success");
					assertThat((String) line.get("message")).startsWith("tools/call echo success");
				});
		}
		finally {
			logger.detachAppender(lines);
			logger.setLevel(null);
		}
	}

	@ParameterizedTest
	@EnumSource(RequestMetricsServer.Protocol.class)
	void onOptInTheSpanCarriesArgumentsAndResultRedacted(RequestMetricsServer.Protocol protocol) {
		try (RequestMetricsServer server = start(protocol, "mcp.monitoring.tracing.capture-content.enabled=true",
				"mcp.monitoring.health.recent-errors.redacted-values=hunter2")) {
			server.client("tester")
				.callTool(new CallToolRequest("echo", Map.of("query", "cats", "password", "hunter2"), CALLER_META));

			SpanData span = span(server, "tools/call echo");
			assertThat(attribute(span, "gen_ai.tool.call.arguments")).contains("query=cats")
				.contains("[redacted]")
				.doesNotContain("hunter2");
			assertThat(attribute(span, "gen_ai.tool.call.result")).startsWith("echo ").doesNotContain("hunter2");
		}
	}

	@Test
	void withoutSpansAToolRunsWithoutMdcEntriesUnlessTheyAreAskedFor() {
		seenInTool.clear();
		try (RequestMetricsServer server = start(RequestMetricsServer.Protocol.STREAMABLE,
				"mcp.monitoring.tracing.enabled=false")) {
			server.client("tester").callTool(new CallToolRequest("traced", Map.of()));

			assertThat(seenInTool).startsWith("tool=null", "session=null");
		}
		seenInTool.clear();
		try (RequestMetricsServer server = start(RequestMetricsServer.Protocol.STREAMABLE,
				"mcp.monitoring.tracing.enabled=false", "mcp.monitoring.tool-mdc.enabled=true")) {
			server.client("tester").callTool(new CallToolRequest("traced", Map.of()));

			assertThat(seenInTool).hasSize(3).startsWith("tool=traced").doesNotContain("session=null");
		}
	}

	@Test
	void withSpansTheMdcEntriesCanBeSwitchedOff() {
		seenInTool.clear();
		try (RequestMetricsServer server = start(RequestMetricsServer.Protocol.STREAMABLE,
				"mcp.monitoring.tool-mdc.enabled=false")) {
			server.client("tester").callTool(new CallToolRequest("traced", Map.of(), CALLER_META));

			assertThat(seenInTool).containsExactly("tool=null", "session=null", "trace=" + CALLER_TRACE);
		}
	}

	@Test
	void switchedOffMakesNoRequestSpans() {
		try (RequestMetricsServer server = start(RequestMetricsServer.Protocol.STREAMABLE,
				"mcp.monitoring.tracing.enabled=false")) {
			server.client("tester").callTool(new CallToolRequest("echo", Map.of(), CALLER_META));

			assertThat(spans(server)).noneMatch((span) -> span.getName().startsWith("tools/call"));
		}
	}

	private static RequestMetricsServer start(RequestMetricsServer.Protocol protocol, String... properties) {
		Class<?> specifications = (protocol == RequestMetricsServer.Protocol.STATELESS) ? StatelessTools.class
				: StatefulTools.class;
		String[] all = new String[properties.length + 1];
		all[0] = "management.tracing.sampling.probability=1.0";
		System.arraycopy(properties, 0, all, 1, properties.length);
		return RequestMetricsServer.start(protocol, specifications, all);
	}

	private static List<SpanData> spans(RequestMetricsServer server) {
		return server.context.getBean(Spans.class).finished;
	}

	private static SpanData span(RequestMetricsServer server, String name) {
		List<SpanData> spans = spans(server);
		return spans.stream()
			.filter((span) -> span.getName().equals(name))
			.reduce((first, second) -> {
				throw new AssertionError("two spans " + name + " in " + spans);
			})
			.orElseThrow(() -> new AssertionError("no span " + name + " in " + spans));
	}

	/** The trace ids of the exemplars on the tool's buckets of the operation histogram, in the OpenMetrics scrape. */
	private static List<String> exemplarTraceIds(RequestMetricsServer server, String tool) {
		String scrape = server.context.getBean(PrometheusMeterRegistry.class)
			.scrape("application/openmetrics-text; version=1.0.0; charset=utf-8");
		Matcher matcher = Pattern.compile("(?m)^mcp_server_operation_duration_seconds_bucket\\{[^}\n]*"
				+ "gen_ai_tool_name=\"" + tool + "\"[^}\n]*\\} \\S+ # \\{[^}\n]*trace_id=\"([0-9a-f]{32})\"")
			.matcher(scrape);
		List<String> traceIds = new java.util.ArrayList<>();
		while (matcher.find()) {
			traceIds.add(matcher.group(1));
		}
		return traceIds;
	}

	private static String attribute(SpanData span, String key) {
		return span.getAttributes().get(AttributeKey.stringKey(key));
	}

	private static CallToolResult traced(ObservationRegistry registry, Tracer tracer) {
		seenInTool.add("tool=" + MDC.get(ToolCallMdc.TOOL_NAME));
		seenInTool.add("session=" + MDC.get(ToolCallMdc.SESSION_ID));
		io.micrometer.tracing.Span current = tracer.currentSpan();
		seenInTool.add("trace=" + ((current != null) ? current.context().traceId() : null));
		Observation.createNotStarted("work.in.tool", registry).observe(() -> {
		});
		return CallToolResult.builder().addTextContent("traced").build();
	}

	private static CallToolResult refuse() {
		return CallToolResult.builder().addTextContent("refused").isError(true).build();
	}

	/** The access log's lines: message, key-value pairs and the MDC as it was when each was logged. */
	static final class AccessLines extends ch.qos.logback.core.AppenderBase<ch.qos.logback.classic.spi.ILoggingEvent> {

		final Queue<Map<String, Object>> lines = new ConcurrentLinkedQueue<>();

		@Override
		protected void append(ch.qos.logback.classic.spi.ILoggingEvent event) {
			Map<String, Object> line = new java.util.HashMap<>(event.getMDCPropertyMap());
			if (event.getKeyValuePairs() != null) {
				event.getKeyValuePairs().forEach((pair) -> line.put(pair.key, pair.value));
			}
			line.put("message", event.getFormattedMessage());
			this.lines.add(line);
		}

	}

	/**
	 * Finished spans, exported as each span ends, before the server answers. Not a {@link SpanExporter} bean itself:
	 * Boot would also hand such a bean to its batching processor, which exports every span a second time later.
	 */
	static final class Spans {

		final List<SpanData> finished = new java.util.concurrent.CopyOnWriteArrayList<>();

		final SpanExporter exporter = new SpanExporter() {

			@Override
			public CompletableResultCode export(java.util.Collection<SpanData> spans) {
				Spans.this.finished.addAll(spans);
				return CompletableResultCode.ofSuccess();
			}

			@Override
			public CompletableResultCode flush() {
				return CompletableResultCode.ofSuccess();
			}

			@Override
			public CompletableResultCode shutdown() {
				return CompletableResultCode.ofSuccess();
			}

		};

	}

	@Configuration(proxyBeanMethods = false)
	static class Exporting {

		@Bean
		Spans spans() {
			return new Spans();
		}

		@Bean
		SpanProcessor inMemorySpanProcessor(Spans spans) {
			return SimpleSpanProcessor.create(spans.exporter);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@org.springframework.context.annotation.Import({ TestSpecifications.Sync.class, Exporting.class })
	static class StatefulTools {

		@Bean
		List<McpServerFeatures.SyncToolSpecification> tracedTools(ObservationRegistry registry, Tracer tracer) {
			return List.of(
					McpServerFeatures.SyncToolSpecification.builder()
						.tool(TestSpecifications.tool("traced"))
						.callHandler((exchange, request) -> traced(registry, tracer))
						.build(),
					McpServerFeatures.SyncToolSpecification.builder()
						.tool(TestSpecifications.tool("refuse"))
						.callHandler((exchange, request) -> refuse())
						.build());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@org.springframework.context.annotation.Import({ TestSpecifications.AsyncTools.class, Exporting.class })
	static class AsyncStatefulTools {

		@Bean
		List<McpServerFeatures.AsyncToolSpecification> tracedTools(ObservationRegistry registry, Tracer tracer) {
			return List.of(McpServerFeatures.AsyncToolSpecification.builder()
				.tool(TestSpecifications.tool("traced"))
				.callHandler((exchange, request) -> Mono.fromCallable(() -> traced(registry, tracer)))
				.build(),
					McpServerFeatures.AsyncToolSpecification.builder()
						.tool(TestSpecifications.tool("later"))
						// The result arrives on one of Reactor's timer threads, not where the call was subscribed.
						.callHandler((exchange, request) -> Mono
							.just(CallToolResult.builder().addTextContent("later").build())
							.delayElement(Duration.ofMillis(20)))
						.build());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@org.springframework.context.annotation.Import({ TestSpecifications.Stateless.class, Exporting.class })
	static class StatelessTools {

		@Bean
		List<McpStatelessServerFeatures.SyncToolSpecification> tracedTools(ObservationRegistry registry,
				Tracer tracer) {
			return List.of(
					McpStatelessServerFeatures.SyncToolSpecification.builder()
						.tool(TestSpecifications.tool("traced"))
						.callHandler((context, request) -> traced(registry, tracer))
						.build(),
					McpStatelessServerFeatures.SyncToolSpecification.builder()
						.tool(TestSpecifications.tool("refuse"))
						.callHandler((context, request) -> refuse())
						.build());
		}

	}

}
