package io.github.mcpmonitoring.mcp;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import io.github.mcpmonitoring.core.BrokenMeterRegistry;
import io.github.mcpmonitoring.core.CallFailureListener;
import io.github.mcpmonitoring.core.InFlightCalls;
import io.github.mcpmonitoring.core.ToolCallMetrics;
import io.github.mcpmonitoring.failures.DefaultFailureClassifier;
import io.github.mcpmonitoring.toolcall.ToolCalls;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ToolResultSizes}: the {@code mcp.server.tool.result.size} summary the instrumented call handlers
 * record.
 */
@ExtendWith(OutputCaptureExtension.class)
class ToolResultSizesTests {

	private static final CallToolRequest REQUEST = new CallToolRequest("report", Map.of());

	private static final String SIZE = "mcp.server.tool.result.size";

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final ToolCallMetrics metrics = new ToolCallMetrics(this.registry, Duration.ofMinutes(1),
			CallFailureListener.NONE, new InFlightCalls(), new DefaultFailureClassifier());

	private final ToolCalls toolCalls = new ToolCalls(() -> this.metrics);

	private final ToolSpecificationInstrumenter instrumenter = new ToolSpecificationInstrumenter(this.toolCalls,
			Duration.ofSeconds(10), List.of(), new ToolResultSizes(this.registry));

	@Test
	void recordsTheCharactersOfTheTextContent() {
		CallToolResult result = CallToolResult.builder().addTextContent("hello").addTextContent("world!").build();
		assertThat(sync("report", result).apply(null, REQUEST)).isSameAs(result);
		assertThat(sync("report", result).apply(null, REQUEST)).isSameAs(result);
		DistributionSummary summary = summary("report");
		assertThat(summary.count()).isEqualTo(2);
		assertThat(summary.totalAmount()).isEqualTo(22.0);
		assertThat(summary.max()).isEqualTo(11.0);
		assertThat(summary.getId().getBaseUnit()).isEqualTo("characters");
	}

	@Test
	void countsOnlyTextContentNotImagesResourcesOrStructuredContent() {
		CallToolResult mixed = CallToolResult.builder()
			.addTextContent("abc")
			.addContent(new McpSchema.ImageContent(null, "aW1hZ2UgYnl0ZXM=", "image/png"))
			.addContent(new McpSchema.EmbeddedResource(null,
					new McpSchema.TextResourceContents("file:///notes.txt", "text/plain", "embedded text")))
			.addTextContent("de")
			.structuredContent(Map.of("rows", List.of("one", "two", "three")))
			.build();
		assertThat(sync("report", mixed).apply(null, REQUEST)).isSameAs(mixed);
		assertThat(summary("report").count()).isEqualTo(1);
		assertThat(summary("report").totalAmount()).isEqualTo(5.0);
	}

	@Test
	void recordsAResultWithoutContentAsZeroCharacters() {
		CallToolResult empty = CallToolResult.builder().structuredContent(Map.of("sum", 3)).build();
		assertThat(sync("report", empty).apply(null, REQUEST)).isSameAs(empty);
		assertThat(summary("report").count()).isEqualTo(1);
		assertThat(summary("report").totalAmount()).isZero();
	}

	@Test
	void recordsErrorResultsToo() {
		CallToolResult error = CallToolResult.builder().addTextContent("no such report").isError(true).build();
		assertThat(sync("report", error).apply(null, REQUEST)).isSameAs(error);
		assertThat(summary("report").count()).isEqualTo(1);
		assertThat(summary("report").totalAmount()).isEqualTo(14.0);
	}

	@Test
	void recordsNothingWhenTheHandlerThrows() {
		IllegalStateException failure = new IllegalStateException("broken");
		BiFunction<Object, CallToolRequest, CallToolResult> handler = sync("report", (exchange, request) -> {
			throw failure;
		});
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> handler.apply(null, REQUEST))
			.isSameAs(failure);
		assertThat(summary("report").count()).isZero();
	}

	@Test
	void putsEachResultInItsBucket() {
		sync("report", text(200)).apply(null, REQUEST);
		sync("report", text(4096)).apply(null, REQUEST);
		sync("report", text(200_000)).apply(null, REQUEST);
		sync("report", text(2_000_000)).apply(null, REQUEST);
		CountAtBucket[] buckets = summary("report").takeSnapshot().histogramCounts();
		assertThat(Arrays.stream(buckets).map(CountAtBucket::bucket)).containsExactly(256.0, 1024.0, 4096.0, 16384.0,
				65536.0, 262144.0, 1048576.0);
		assertThat(Arrays.stream(buckets).map(CountAtBucket::count)).containsExactly(1.0, 1.0, 2.0, 2.0, 2.0, 3.0,
				3.0);
		assertThat(summary("report").count()).isEqualTo(4);
	}

	@Test
	void recordsStatelessSyncResults() {
		McpStatelessServerFeatures.SyncToolSpecification spec = this.instrumenter
			.instrument(McpStatelessServerFeatures.SyncToolSpecification.builder()
				.tool(tool("stateless_report"))
				.callHandler((context, request) -> text(300))
				.build());
		spec.callHandler().apply(null, REQUEST);
		assertThat(summary("stateless_report").totalAmount()).isEqualTo(300.0);
	}

	@Test
	void recordsAnAsyncResultWhenItsMonoEmitsOncePerSubscription() {
		CallToolResult result = text(1500);
		McpServerFeatures.AsyncToolSpecification spec = this.instrumenter
			.instrument(McpServerFeatures.AsyncToolSpecification.builder()
				.tool(tool("async_report"))
				.callHandler((exchange, request) -> Mono.just(result))
				.build());
		Mono<CallToolResult> call = spec.callHandler().apply(null, REQUEST);
		assertThat(summary("async_report").count()).as("before subscription").isZero();
		StepVerifier.create(call).expectNext(result).verifyComplete();
		StepVerifier.create(call).expectNext(result).verifyComplete();
		assertThat(summary("async_report").count()).isEqualTo(2);
		assertThat(summary("async_report").totalAmount()).isEqualTo(3000.0);
	}

	@Test
	void recordsStatelessAsyncResultsAndNothingForAnAsyncError() {
		IllegalStateException failure = new IllegalStateException("broken");
		McpStatelessServerFeatures.AsyncToolSpecification spec = this.instrumenter
			.instrument(McpStatelessServerFeatures.AsyncToolSpecification.builder()
				.tool(tool("stateless_async_report"))
				.callHandler((context, request) -> "fail".equals(request.name()) ? Mono.error(failure)
						: Mono.just(text(70)))
				.build());
		StepVerifier.create(spec.callHandler().apply(null, REQUEST)).expectNextCount(1).verifyComplete();
		StepVerifier.create(spec.callHandler().apply(null, new CallToolRequest("fail", Map.of())))
			.expectErrorSatisfies((error) -> assertThat(error).isSameAs(failure))
			.verify();
		assertThat(summary("stateless_async_report").count()).isEqualTo(1);
		assertThat(summary("stateless_async_report").totalAmount()).isEqualTo(70.0);
	}

	@Test
	void recordsUnderTheNameTheToolsCallsAreRecordedUnder() {
		this.toolCalls.refine("get_media_entry", "media.get", -1);
		sync("get_media_entry", text(10)).apply(null, REQUEST);
		assertThat(summary("media.get").count()).isEqualTo(1);
		assertThat(this.registry.find(SIZE).tag("gen_ai.tool.name", "get_media_entry").summary()).isNull();
	}

	@Test
	void resolvesOneSummaryPerTool() {
		sync("report", text(1)).apply(null, REQUEST);
		sync("report", text(1)).apply(null, REQUEST);
		sync("other_report", text(1)).apply(null, REQUEST);
		assertThat(this.registry.find(SIZE).summaries()).hasSize(2);
	}

	@Test
	void recordsNothingWithoutResultSizes() {
		ToolSpecificationInstrumenter withoutSizes = new ToolSpecificationInstrumenter(this.toolCalls,
				Duration.ofSeconds(10), List.of());
		CallToolResult result = text(10);
		McpServerFeatures.SyncToolSpecification spec = withoutSizes.instrument(McpServerFeatures.SyncToolSpecification
			.builder()
			.tool(tool("report"))
			.callHandler((exchange, request) -> result)
			.build());
		assertThat(spec.callHandler().apply(null, REQUEST)).isSameAs(result);
		assertThat(this.registry.find(SIZE).summaries()).isEmpty();
	}

	@Test
	void leavesTheHandlerAloneWhenTheMeterIsDenied() {
		this.registry.config().meterFilter(MeterFilter.denyNameStartsWith(SIZE));
		CallToolResult result = text(10);
		assertThat(sync("report", result).apply(null, REQUEST)).isSameAs(result);
		assertThat(this.registry.find(SIZE).summaries()).isEmpty();
		assertThat(this.registry.find("mcp.server.operation.duration").timer().count()).isEqualTo(1);
	}

	@ParameterizedTest
	@MethodSource("io.github.mcpmonitoring.core.BrokenMeterRegistry#all")
	void brokenRegistryNeverChangesWhatHandlersReturnOrThrow(MeterRegistry brokenRegistry, CapturedOutput output) {
		ToolSpecificationInstrumenter broken = new ToolSpecificationInstrumenter(this.toolCalls,
				Duration.ofSeconds(10), List.of(), new ToolResultSizes(brokenRegistry));
		CallToolResult result = text(5000);
		IllegalStateException failure = new IllegalStateException();
		McpServerFeatures.SyncToolSpecification sync = broken.instrument(McpServerFeatures.SyncToolSpecification
			.builder()
			.tool(tool("sync"))
			.callHandler((exchange, request) -> result)
			.build());
		McpServerFeatures.AsyncToolSpecification async = broken.instrument(McpServerFeatures.AsyncToolSpecification
			.builder()
			.tool(tool("async"))
			.callHandler((exchange, request) -> Mono.just(result))
			.build());
		McpServerFeatures.AsyncToolSpecification asyncFailing = broken
			.instrument(McpServerFeatures.AsyncToolSpecification.builder()
				.tool(tool("async_failing"))
				.callHandler((exchange, request) -> Mono.error(failure))
				.build());
		for (int i = 0; i < 3; i++) {
			assertThat(sync.callHandler().apply(null, REQUEST)).isSameAs(result);
			StepVerifier.create(async.callHandler().apply(null, REQUEST)).expectNext(result).verifyComplete();
			StepVerifier.create(asyncFailing.callHandler().apply(null, REQUEST))
				.expectErrorSatisfies((error) -> assertThat(error).isSameAs(failure))
				.verify();
		}
		BrokenMeterRegistry.assertRecordingFailureWarnedOnce(output);
		// The calls themselves are still recorded in the working registry.
		assertThat(this.registry.find("mcp.server.operation.duration").timers().stream().mapToLong((t) -> t.count())
			.sum()).isEqualTo(9);
	}

	private BiFunction<Object, CallToolRequest, CallToolResult> sync(String toolName, CallToolResult result) {
		return sync(toolName, (exchange, request) -> result);
	}

	private BiFunction<Object, CallToolRequest, CallToolResult> sync(String toolName,
			BiFunction<Object, CallToolRequest, CallToolResult> handler) {
		McpServerFeatures.SyncToolSpecification spec = this.instrumenter
			.instrument(McpServerFeatures.SyncToolSpecification.builder()
				.tool(tool(toolName))
				.callHandler(handler::apply)
				.build());
		return (exchange, request) -> spec.callHandler().apply(null, request);
	}

	private DistributionSummary summary(String toolName) {
		return this.registry.get(SIZE).tag("gen_ai.tool.name", toolName).summary();
	}

	private static CallToolResult text(int characters) {
		return CallToolResult.builder().addTextContent("x".repeat(characters)).build();
	}

	private static Tool tool(String name) {
		return Tool.builder()
			.name(name)
			.description("a report")
			.inputSchema(new McpSchema.JsonSchema("object", Map.of(), List.of(), false, null, null))
			.build();
	}

}
