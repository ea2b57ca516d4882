package io.github.mcpmonitoring.core;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.mcpmonitoring.failures.DefaultFailureClassifier;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link ToolCallMetrics} and {@link ToolCallRecorder}.
 */
@ExtendWith(OutputCaptureExtension.class)
class ToolCallMetricsTests {

	private static final long SLOW = Duration.ofSeconds(1).toNanos();

	private final MockClock clock = new MockClock();

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, this.clock);

	private final InFlightCalls inFlightCalls = new InFlightCalls();

	private final ToolCallMetrics metrics = new ToolCallMetrics(this.registry, Duration.ofMinutes(1),
			CallFailureListener.NONE, this.inFlightCalls, new DefaultFailureClassifier());

	@Test
	void recordsSuccessUnderToolNameWithMethodAndNoneErrorType() {
		ToolCallRecorder recorder = this.metrics.recorder("get_media_entry");
		long start = recorder.monotonicTime();
		this.clock.add(Duration.ofMillis(250));
		recorder.record(start, null, ErrorTypes.NONE, SLOW, null);
		Timer timer = this.registry.get(McpMeterNames.OPERATION_DURATION)
			.tag("mcp.method.name", "tools/call")
			.tag("gen_ai.tool.name", "get_media_entry")
			.tag("error.type", "none")
			.tag("error.origin", "none")
			.timer();
		assertThat(timer.count()).isEqualTo(1);
		assertThat(timer.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(250.0);
		assertThat(timer.getId().getTags()).extracting(Tag::getKey)
			.containsExactlyInAnyOrder("mcp.method.name", "gen_ai.tool.name", "gen_ai.prompt.name", "error.type",
					"error.origin", "rpc.response.status_code", "gen_ai.operation.name", "network.transport",
					"mcp.protocol.version");
		assertThat(timer.getId().getTag("gen_ai.operation.name")).isEqualTo("execute_tool");
	}

	@Test
	void recordsACallThatArrivedOnAConnectionUnderItsProtocolVersionAndTransport() {
		ToolCallRecorder recorder = this.metrics.recorder("get_media_entry");
		ConnectionTags connection = this.metrics.operationTags().connection("2025-06-18", "tcp");
		recorder.record(recorder.monotonicTime(), null, ErrorTypes.NONE, SLOW, null, null, connection);
		recorder.record(recorder.monotonicTime(), null, ErrorTypes.NONE, SLOW, null, null, connection);
		recorder.record(recorder.monotonicTime(), null, ErrorTypes.NONE, SLOW, null, null, null);
		assertThat(this.registry.get(McpMeterNames.OPERATION_DURATION)
			.tag("mcp.protocol.version", "2025-06-18")
			.tag("network.transport", "tcp")
			.tag("error.type", "none")
			.timer()
			.count()).isEqualTo(2);
		assertThat(this.registry.get(McpMeterNames.OPERATION_DURATION)
			.tag("mcp.protocol.version", "")
			.tag("error.type", "none")
			.timer()
			.count()).isEqualTo(1);
	}

	@Test
	void registersSuccessAndToolErrorSeriesBeforeTheFirstCall() {
		this.metrics.recorder("list_categories");
		assertThat(this.registry.find(McpMeterNames.OPERATION_DURATION).timers()).hasSize(2);
		assertThat(durationCount("list_categories", "none")).isZero();
		assertThat(durationCount("list_categories", "tool_error")).isZero();
	}

	@Test
	void recordsToolErrorAndExceptionTypesAsSeparateSeries() {
		ToolCallRecorder recorder = this.metrics.recorder("search_entries");
		recorder.record(recorder.monotonicTime(), null, ErrorTypes.TOOL_ERROR, SLOW, null);
		recorder.record(recorder.monotonicTime(), null, "IllegalStateException", SLOW, null);
		recorder.record(recorder.monotonicTime(), null, "IllegalStateException", SLOW, null);
		assertThat(durationCount("search_entries", "none")).isZero();
		assertThat(durationCount("search_entries", "tool_error")).isEqualTo(1);
		assertThat(durationCount("search_entries", "IllegalStateException")).isEqualTo(2);
	}

	@Test
	void durationTimerHasTheFourteenDefaultBuckets() {
		this.metrics.recorder("get_thumbnail_url");
		Timer timer = this.registry.get(McpMeterNames.OPERATION_DURATION).tag("error.type", "none").timer();
		double[] bucketSeconds = Arrays.stream(timer.takeSnapshot().histogramCounts())
			.mapToDouble((bucket) -> bucket.bucket(TimeUnit.SECONDS))
			.toArray();
		assertThat(bucketSeconds).containsExactly(0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 30, 60, 120, 300);
	}

	@Test
	void durationFallsIntoItsBucket() {
		ToolCallRecorder recorder = this.metrics.recorder("get_download_url");
		long start = recorder.monotonicTime();
		this.clock.add(Duration.ofMillis(150));
		recorder.record(start, null, ErrorTypes.NONE, SLOW, null);
		CountAtBucket[] buckets = this.registry.get(McpMeterNames.OPERATION_DURATION)
			.tag("error.type", "none")
			.timer()
			.takeSnapshot()
			.histogramCounts();
		assertThat(countUpTo(buckets, 0.1)).isZero();
		assertThat(countUpTo(buckets, 0.2)).isEqualTo(1);
	}

	@Test
	void countsCallInFlightFromTheSamplingRunThatFindsItUntilItIsRecorded() {
		ToolCallRecorder recorder = this.metrics.recorder("list_caption_assets");
		LongTaskTimer active = this.registry.get(McpMeterNames.OPERATION_ACTIVE)
			.tag("mcp.method.name", "tools/call")
			.tag("gen_ai.tool.name", "list_caption_assets")
			.longTaskTimer();
		InFlightCall inFlight = recorder.start();
		long start = recorder.monotonicTime();
		this.inFlightCalls.sample();
		assertThat(active.activeTasks()).isEqualTo(1);
		recorder.record(start, inFlight, ErrorTypes.NONE, SLOW, null);
		assertThat(active.activeTasks()).isZero();
	}

	@Test
	void startsNoInFlightSampleWhenTheInFlightMeterIsDenied() {
		SimpleMeterRegistry denying = new SimpleMeterRegistry(SimpleConfig.DEFAULT, this.clock);
		denying.config().meterFilter(MeterFilter.denyNameStartsWith(McpMeterNames.OPERATION_ACTIVE));
		ToolCallRecorder recorder = new ToolCallMetrics(denying, Duration.ofMinutes(1),
				CallFailureListener.NONE, new InFlightCalls(),
						new DefaultFailureClassifier()).recorder("get_media_entry");
		InFlightCall inFlight = recorder.start();
		long start = recorder.monotonicTime();
		this.clock.add(Duration.ofMillis(40));
		recorder.record(start, inFlight, ErrorTypes.NONE, SLOW, null);
		assertThat(inFlight).isNull();
		assertThat(denying.find(McpMeterNames.OPERATION_ACTIVE).meters()).isEmpty();
		Timer timer = denying.get(McpMeterNames.OPERATION_DURATION).tag("error.type", "none").timer();
		assertThat(timer.count()).isEqualTo(1);
		assertThat(timer.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(40.0);
	}

	@Test
	void countsCallsSlowerThanTheThreshold() {
		ToolCallRecorder recorder = this.metrics.recorder("slow_tool");
		long start = recorder.monotonicTime();
		this.clock.add(Duration.ofSeconds(1));
		recorder.record(start, null, ErrorTypes.NONE, SLOW, null);
		assertThat(slowCount("slow_tool")).isZero();
		start = recorder.monotonicTime();
		this.clock.add(Duration.ofMillis(1001));
		recorder.record(start, null, "TimeoutException", SLOW, null);
		assertThat(slowCount("slow_tool")).isEqualTo(1);
	}

	@Test
	void logsSlowCallsAtMostOncePerInterval(CapturedOutput output) {
		ToolCallRecorder recorder = this.metrics.recorder("slow_logged");
		for (int i = 0; i < 3; i++) {
			long start = recorder.monotonicTime();
			this.clock.add(Duration.ofSeconds(2));
			recorder.record(start, null, ErrorTypes.NONE, SLOW, null);
		}
		assertThat(slowCount("slow_logged")).isEqualTo(3);
		assertThat(BrokenMeterRegistry.linesContaining(output.getOut(), "Slow call: tool 'slow_logged'")).isEqualTo(1);
	}

	@Test
	void handsOutOneRecorderPerTool() {
		assertThat(this.metrics.recorder("a")).isSameAs(this.metrics.recorder("a"));
		assertThat(this.metrics.recorder("a")).isNotSameAs(this.metrics.recorder("b"));
		assertThat(this.metrics.recorder("b").toolName()).isEqualTo("b");
	}

	@Test
	void registeredGaugeCountsDistinctToolNames() {
		this.metrics.registerTool("a");
		this.metrics.registerTool("b");
		this.metrics.registerTool("a");
		assertThat(this.registry.get(McpMeterNames.TOOLS_REGISTERED).gauge().value()).isEqualTo(2.0);
		assertThat(this.registry.get(McpMeterNames.TOOLS_REGISTERED).gauge().getId().getTags()).isEmpty();
		assertThat(this.metrics.registeredToolCount()).isEqualTo(2);
	}

	@Test
	void metersThatThrowNeverBreakTheCallAndAreLoggedOnceAtWarn(CapturedOutput output) {
		ToolCallMetrics broken = new ToolCallMetrics(BrokenMeterRegistry.withThrowingMeters(), Duration.ofMinutes(1),
				CallFailureListener.NONE, new InFlightCalls(), new DefaultFailureClassifier());
		ToolCallRecorder recorder = broken.recorder("tool");
		assertThatNoException().isThrownBy(() -> {
			for (int i = 0; i < 3; i++) {
				InFlightCall inFlight = recorder.start();
				assertThat(inFlight).isNull();
				recorder.record(recorder.monotonicTime(), inFlight, ErrorTypes.NONE, 0, null);
				recorder.record(recorder.monotonicTime(), inFlight, "IOException", 0, null);
			}
		});
		assertWarnedOnce(output);
	}

	@Test
	void filterThatThrowsInMapNeverBreaksTheCallAndIsLoggedOnceAtWarn(CapturedOutput output) {
		assertThatNoException().isThrownBy(() -> {
			ToolCallMetrics broken = new ToolCallMetrics(BrokenMeterRegistry.withFilterThrowingInMap(),
					Duration.ofMinutes(1), CallFailureListener.NONE, new InFlightCalls(),
							new DefaultFailureClassifier());
			ToolCallRecorder recorder = broken.recorder("tool");
			recorder.record(recorder.monotonicTime(), recorder.start(), ErrorTypes.NONE, 0, null);
			recorder.record(recorder.monotonicTime(), recorder.start(), "IOException", 0, null);
			assertThat(recorder.toolName()).isEqualTo("tool");
		});
		assertWarnedOnce(output);
	}

	@Test
	void filterThatThrowsInAcceptNeverBreaksTheCall(CapturedOutput output) {
		assertThatNoException().isThrownBy(() -> {
			ToolCallMetrics broken = new ToolCallMetrics(BrokenMeterRegistry.withFilterThrowingInAccept(),
					Duration.ofMinutes(1), CallFailureListener.NONE, new InFlightCalls(),
							new DefaultFailureClassifier());
			ToolCallRecorder recorder = broken.recorder("tool");
			recorder.record(recorder.monotonicTime(), recorder.start(), "IOException", 0, null);
		});
		assertWarnedOnce(output);
	}

	@Test
	void tellsTheFailureListenerAboutEachFailedCallWithItsMessage() {
		List<CallFailure> failures = new ArrayList<>();
		ToolCallMetrics listened = new ToolCallMetrics(new SimpleMeterRegistry(SimpleConfig.DEFAULT, this.clock),
				Duration.ofMinutes(1), failures::add, new InFlightCalls(), new DefaultFailureClassifier());
		ToolCallRecorder recorder = listened.recorder("get_media_entry");
		this.clock.add(Duration.ofSeconds(5));
		recorder.record(recorder.monotonicTime(), recorder.start(), ErrorTypes.NONE, SLOW, null);
		assertThat(failures).isEmpty();
		recorder.record(recorder.monotonicTime(), recorder.start(), ErrorTypes.TOOL_ERROR, SLOW, "Entry not found");
		recorder.record(recorder.monotonicTime(), recorder.start(), "IOException", SLOW, null);
		Instant now = Instant.ofEpochMilli(this.clock.wallTime());
		assertThat(failures).containsExactly(
				new CallFailure(now, CallFailure.TOOL, "get_media_entry", "tool_error", "Entry not found"),
				new CallFailure(now, CallFailure.TOOL, "get_media_entry", "IOException", null));
	}

	@Test
	void aFailureListenerThatThrowsNeverBreaksTheCall() {
		ToolCallMetrics listened = new ToolCallMetrics(this.registry, Duration.ofMinutes(1), (failure) -> {
			throw new IllegalStateException("listener broken");
		}, new InFlightCalls(), new DefaultFailureClassifier());
		ToolCallRecorder recorder = listened.recorder("get_media_entry");
		assertThatNoException().isThrownBy(
				() -> recorder.record(recorder.monotonicTime(), recorder.start(), "IOException", SLOW, "timeout"));
		assertThat(durationCount("get_media_entry", "IOException")).isEqualTo(1);
	}

	private static void assertWarnedOnce(CapturedOutput output) {
		assertThat(output.getOut().lines().filter((line) -> line.contains(BrokenMeterRegistry.RECORDING_FAILED_WARNING)))
			.singleElement()
			.asString()
			.startsWith("WARN");
	}

	private long durationCount(String tool, String errorType) {
		return this.registry.get(McpMeterNames.OPERATION_DURATION)
			.tag("gen_ai.tool.name", tool)
			.tag("error.type", errorType)
			.timer()
			.count();
	}

	private double slowCount(String tool) {
		return this.registry.get(McpMeterNames.OPERATION_SLOW)
			.tag("mcp.method.name", "tools/call")
			.tag("gen_ai.tool.name", tool)
			.counter()
			.count();
	}

	private static double countUpTo(CountAtBucket[] buckets, double seconds) {
		return Arrays.stream(buckets)
			.filter((bucket) -> bucket.bucket(TimeUnit.SECONDS) == seconds)
			.findFirst()
			.orElseThrow()
			.count();
	}

}
