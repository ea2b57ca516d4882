package io.github.mcpmonitoring.mcp;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.mcpmonitoring.core.InFlightCalls;
import io.github.mcpmonitoring.core.CallFailureListener;
import io.github.mcpmonitoring.core.McpMeterNames;
import io.github.mcpmonitoring.core.ToolCallMetrics;
import io.github.mcpmonitoring.failures.DefaultFailureClassifier;
import io.github.mcpmonitoring.toolcall.ToolCalls;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ToolSpecificationsPostProcessor}.
 */
class ToolSpecificationsPostProcessorTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final AtomicInteger instrumenterRequests = new AtomicInteger();

	private final ToolSpecificationInstrumenter instrumenter = new ToolSpecificationInstrumenter(
			new ToolCalls(() -> new ToolCallMetrics(this.registry, Duration.ofMinutes(1), CallFailureListener.NONE,
					new InFlightCalls(), new DefaultFailureClassifier())),
			Duration.ofSeconds(10));

	private final ToolSpecificationsPostProcessor postProcessor = new ToolSpecificationsPostProcessor(() -> {
		this.instrumenterRequests.incrementAndGet();
		return this.instrumenter;
	});

	@Test
	void leavesListsWithoutToolSpecificationsUntouched() {
		List<String> names = List.of("a", "b");
		List<Object> empty = List.of();
		assertThat(this.postProcessor.postProcessAfterInitialization(names, "names")).isSameAs(names);
		assertThat(this.postProcessor.postProcessAfterInitialization(empty, "empty")).isSameAs(empty);
		assertThat(this.instrumenterRequests).hasValue(0);
	}

	@Test
	void leavesOtherBeansUntouched() {
		McpServerFeatures.SyncToolSpecification single = spec("single");
		Object bean = new Object();
		assertThat(this.postProcessor.postProcessAfterInitialization(bean, "bean")).isSameAs(bean);
		assertThat(this.postProcessor.postProcessAfterInitialization(single, "single")).isSameAs(single);
		assertThat(this.instrumenterRequests).hasValue(0);
	}

	@Test
	void replacesListsOfToolSpecificationsWithInstrumentedCopiesInTheSameOrder() {
		McpServerFeatures.SyncToolSpecification first = spec("first");
		McpServerFeatures.SyncToolSpecification second = spec("second");
		List<Object> original = List.of(first, "not a spec", second);
		Object processed = this.postProcessor.postProcessAfterInitialization(original, "syncTools");
		assertThat(processed).isNotSameAs(original).isInstanceOf(List.class);
		List<?> instrumented = (List<?>) processed;
		assertThat(instrumented).hasSize(3);
		assertThat(instrumented.get(1)).isEqualTo("not a spec");
		McpServerFeatures.SyncToolSpecification instrumentedFirst = (McpServerFeatures.SyncToolSpecification) instrumented
			.get(0);
		McpServerFeatures.SyncToolSpecification instrumentedSecond = (McpServerFeatures.SyncToolSpecification) instrumented
			.get(2);
		assertThat(instrumentedFirst.tool()).isSameAs(first.tool());
		assertThat(instrumentedSecond.tool()).isSameAs(second.tool());
		assertThat(instrumentedFirst.callHandler()).isInstanceOf(InstrumentedSyncToolHandler.class);
		assertThat(this.instrumenterRequests).hasValue(1);
		instrumentedSecond.callHandler().apply(null, new CallToolRequest("second", Map.of()));
		assertThat(this.registry.get(McpMeterNames.OPERATION_DURATION)
			.tag("gen_ai.tool.name", "second")
			.tag("error.type", "none")
			.timer()
			.count()).isEqualTo(1);
		assertThat(this.registry.get(McpMeterNames.TOOLS_REGISTERED).gauge().value()).isEqualTo(2.0);
	}

	@Test
	void processingAnInstrumentedListAgainKeepsItsSpecifications() {
		List<?> once = (List<?>) this.postProcessor.postProcessAfterInitialization(List.of(spec("a")), "a");
		List<?> twice = (List<?>) this.postProcessor.postProcessAfterInitialization(once, "a");
		assertThat(twice.get(0)).isSameAs(once.get(0));
	}

	private static McpServerFeatures.SyncToolSpecification spec(String name) {
		return McpServerFeatures.SyncToolSpecification.builder()
			.tool(Tool.builder().name(name).description(name).build())
			.callHandler((exchange, request) -> CallToolResult.builder().build())
			.build();
	}

}
