package io.github.mcpmonitoring.toolcall;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.github.mcpmonitoring.core.BrokenMeterRegistry;
import io.github.mcpmonitoring.core.CallFailure;
import io.github.mcpmonitoring.core.InFlightCalls;
import io.github.mcpmonitoring.core.McpMeterNames;
import io.github.mcpmonitoring.core.ToolCallMetrics;
import io.github.mcpmonitoring.failures.DefaultFailureClassifier;
import io.github.mcpmonitoring.failures.FailureClass;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link ServerTool#inputRejected}: a call the MCP server rejected before the tool's call handler ran.
 */
@ExtendWith(OutputCaptureExtension.class)
class ServerToolTests {

	private static final long TEN_SECONDS = TimeUnit.SECONDS.toNanos(10);

	private final MockClock clock = new MockClock();

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, this.clock);

	private final List<CallFailure> failures = new CopyOnWriteArrayList<>();

	private final ToolCalls toolCalls = new ToolCalls(() -> new ToolCallMetrics(this.registry, Duration.ofMinutes(1),
			this.failures::add, new InFlightCalls(), new DefaultFailureClassifier()));

	@Test
	void rejectedInputIsOneToolErrorOfTheClientTimedFromTheGivenStart() {
		ServerTool tool = this.toolCalls.serverTool("list_categories", TEN_SECONDS);
		long start = tool.monotonicTime();
		this.clock.add(Duration.ofMillis(3));
		tool.inputRejected(start, "Tool (list_categories) input validation failed: [/limit: string found]");
		Timer timer = timer("list_categories", "tool_error", "client");
		assertThat(timer.count()).isEqualTo(1);
		assertThat(timer.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(3.0);
		assertThat(this.registry.find(McpMeterNames.OPERATION_DURATION).timers().stream().mapToLong(Timer::count).sum())
			.as("no other outcome recorded")
			.isEqualTo(1);
		assertThat(this.failures).singleElement().satisfies((failure) -> {
			assertThat(failure.clientError()).isTrue();
			assertThat(failure.errorType()).isEqualTo("tool_error");
			assertThat(failure.message()).contains("input validation failed");
		});
	}

	@Test
	void rejectedInputIsRecordedUnderTheNameMonitoredToolGivesTheTool() {
		this.toolCalls.refine("list_categories", "categories", -1);
		ServerTool tool = this.toolCalls.serverTool("list_categories", TEN_SECONDS);
		tool.inputRejected(tool.monotonicTime(), null);
		assertThat(timer("categories", "tool_error", "client").count()).isEqualTo(1);
	}

	@Test
	void rejectedInputIsWhatTheApplicationsClassifierSaysItIs() {
		ToolCalls calls = new ToolCalls(() -> new ToolCallMetrics(this.registry, Duration.ofMinutes(1),
				this.failures::add, new InFlightCalls(), (call) -> FailureClass.OTHER));
		ServerTool tool = calls.serverTool("list_categories", TEN_SECONDS);
		tool.inputRejected(tool.monotonicTime(), null);
		assertThat(timer("list_categories", "tool_error", "server").count()).isEqualTo(1);
	}

	@Test
	void rejectedInputOnABrokenRegistryIsLoggedOnceAndNeverThrows(CapturedOutput output) {
		MeterRegistry broken = BrokenMeterRegistry.withThrowingMeters();
		ToolCalls calls = new ToolCalls(() -> new ToolCallMetrics(broken, Duration.ofMinutes(1), (failure) -> {
			throw new IllegalStateException("listener down");
		}, new InFlightCalls(), new DefaultFailureClassifier()));
		ServerTool tool = calls.serverTool("list_categories", TEN_SECONDS);
		assertThatNoException().isThrownBy(() -> {
			tool.inputRejected(tool.monotonicTime(), "bad");
			tool.inputRejected(tool.monotonicTime(), "bad");
		});
		BrokenMeterRegistry.assertRecordingFailureWarnedOnce(output);
	}

	private Timer timer(String tool, String errorType, String origin) {
		Timer timer = this.registry.find(McpMeterNames.OPERATION_DURATION)
			.tag("mcp.method.name", "tools/call")
			.tag("gen_ai.tool.name", tool)
			.tag("error.type", errorType)
			.tag("error.origin", origin)
			.timer();
		assertThat(timer).as("timer of %s with error.type %s and error.origin %s", tool, errorType, origin).isNotNull();
		return timer;
	}

}
