package io.github.mcpmonitoring.core;

import java.io.IOException;
import java.time.Duration;

import io.github.mcpmonitoring.failures.DefaultFailureClassifier;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ErrorTypeCardinalityFilter}.
 */
@ExtendWith(OutputCaptureExtension.class)
class ErrorTypeCardinalityFilterTests {

	private static final String WARNING = "further ones are recorded as error.type=other";

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final ToolCallMetrics metrics;

	ErrorTypeCardinalityFilterTests() {
		this.registry.config().meterFilter(new ErrorTypeCardinalityFilter(2));
		this.metrics = new ToolCallMetrics(this.registry, Duration.ofMinutes(1),
				CallFailureListener.NONE, new InFlightCalls(), new DefaultFailureClassifier());
	}

	@Test
	void recordsTypesBeyondTheMaximumAsOther() {
		ToolCallRecorder recorder = this.metrics.recorder("tool");
		record(recorder, "IOException");
		record(recorder, "TimeoutException");
		record(recorder, "IllegalStateException");
		record(recorder, "NullPointerException");
		assertThat(count("IOException")).isEqualTo(1);
		assertThat(count("TimeoutException")).isEqualTo(1);
		assertThat(count("other")).isEqualTo(2);
		assertThat(this.registry.find(McpMeterNames.OPERATION_DURATION).tag("error.type", "IllegalStateException")
			.timer()).isNull();
		assertThat(this.registry.find(McpMeterNames.OPERATION_DURATION).tag("error.type", "NullPointerException")
			.timer()).isNull();
	}

	@Test
	void keepsTypesSeenBeforeTheMaximumWasReached() {
		ToolCallRecorder recorder = this.metrics.recorder("tool");
		record(recorder, "IOException");
		record(recorder, "TimeoutException");
		record(recorder, "IllegalStateException");
		record(this.metrics.recorder("other_tool"), "IOException");
		assertThat(this.registry.get(McpMeterNames.OPERATION_DURATION)
			.tag("gen_ai.tool.name", "other_tool")
			.tag("error.type", "IOException")
			.timer()
			.count()).isEqualTo(1);
	}

	@Test
	void neverCapsNoneAndToolError() {
		ToolCallRecorder recorder = this.metrics.recorder("tool");
		record(recorder, "IOException");
		record(recorder, "TimeoutException");
		record(recorder, "IllegalStateException");
		ToolCallRecorder later = this.metrics.recorder("later_tool");
		record(later, ErrorTypes.NONE);
		record(later, ErrorTypes.TOOL_ERROR);
		assertThat(this.registry.get(McpMeterNames.OPERATION_DURATION)
			.tag("gen_ai.tool.name", "later_tool")
			.tag("error.type", "none")
			.timer()
			.count()).isEqualTo(1);
		assertThat(this.registry.get(McpMeterNames.OPERATION_DURATION)
			.tag("gen_ai.tool.name", "later_tool")
			.tag("error.type", "tool_error")
			.timer()
			.count()).isEqualTo(1);
	}

	@Test
	void appliesToApiCallsToo() {
		ApiCallMetrics apiMetrics = new ApiCallMetrics(this.registry, Duration.ofMinutes(1), CallFailureListener.NONE,
				new DefaultFailureClassifier());
		ApiCallRecorder recorder = apiMetrics.recorder("api");
		recorder.record(0, new IOException(), 0);
		recorder.record(0, new IllegalStateException(), 0);
		recorder.record(0, new UnsupportedOperationException(), 0);
		assertThat(this.registry.get(McpMeterNames.API_CALL_DURATION).tag("error.type", "other").timer().count())
			.isEqualTo(1);
	}

	@Test
	void leavesOtherMetersAlone() {
		Timer.builder("http.server.requests").tag("error.type", "A").register(this.registry);
		Timer.builder("http.server.requests").tag("error.type", "B").register(this.registry);
		Timer.builder("http.server.requests").tag("error.type", "C").register(this.registry);
		assertThat(this.registry.find("http.server.requests").timers()).hasSize(3);
		assertThat(this.registry.find("http.server.requests").tag("error.type", "other").timer()).isNull();
	}

	@Test
	void warnsOnceWhenTheMaximumIsReached(CapturedOutput output) {
		ToolCallRecorder recorder = this.metrics.recorder("tool");
		record(recorder, "IOException");
		record(recorder, "TimeoutException");
		assertThat(output.getOut()).doesNotContain(WARNING);
		record(recorder, "IllegalStateException");
		record(recorder, "NullPointerException");
		record(this.metrics.recorder("tool2"), "ArithmeticException");
		assertThat(output.getOut().lines().filter((line) -> line.contains(WARNING)))
			.singleElement()
			.asString()
			.startsWith("WARN")
			.contains("mcp.monitoring.max-error-types");
	}

	@Test
	void rejectsAMaximumBelowOne() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ErrorTypeCardinalityFilter(0))
			.withMessageContaining("maxErrorTypes");
	}

	private static void record(ToolCallRecorder recorder, String errorType) {
		recorder.record(recorder.monotonicTime(), null, errorType, Long.MAX_VALUE, null);
	}

	private long count(String errorType) {
		return this.registry.get(McpMeterNames.OPERATION_DURATION)
			.tag("gen_ai.tool.name", "tool")
			.tag("error.type", errorType)
			.timer()
			.count();
	}

}
