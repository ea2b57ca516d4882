package io.github.mcpmonitoring.core;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import io.github.mcpmonitoring.failures.DefaultFailureClassifier;
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
 * Tests for {@link ApiCallMetrics} and {@link ApiCallRecorder}.
 */
@ExtendWith(OutputCaptureExtension.class)
class ApiCallMetricsTests {

	private static final long SLOW = Duration.ofMillis(500).toNanos();

	private final MockClock clock = new MockClock();

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, this.clock);

	private final ApiCallMetrics metrics = new ApiCallMetrics(this.registry, Duration.ofMinutes(1),
			CallFailureListener.NONE, new DefaultFailureClassifier());

	@Test
	void recordsSuccessWithApiAndNoneErrorType() {
		ApiCallRecorder recorder = this.metrics.recorder("kaltura.media.get");
		long start = recorder.monotonicTime();
		this.clock.add(Duration.ofMillis(40));
		recorder.record(start, null, SLOW);
		Timer timer = this.registry.get(McpMeterNames.API_CALL_DURATION)
			.tag("api", "kaltura.media.get")
			.tag("error.type", "none")
			.tag("error.origin", "none")
			.timer();
		assertThat(timer.count()).isEqualTo(1);
		assertThat(timer.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(40.0);
		assertThat(timer.getId().getTags()).hasSize(3);
		assertThat(Arrays.stream(timer.takeSnapshot().histogramCounts())).hasSize(14);
	}

	@Test
	void recordsFailureUnderTheExceptionSimpleName() {
		ApiCallRecorder recorder = this.metrics.recorder("kaltura.media.list");
		recorder.record(recorder.monotonicTime(), new IOException("connection reset by 10.0.0.1"), SLOW);
		assertThat(this.registry.get(McpMeterNames.API_CALL_DURATION)
			.tag("api", "kaltura.media.list")
			.tag("error.type", "IOException")
			.timer()
			.count()).isEqualTo(1);
		assertThat(this.registry.get(McpMeterNames.API_CALL_DURATION)
			.tag("api", "kaltura.media.list")
			.tag("error.type", "none")
			.timer()
			.count()).isZero();
	}

	@Test
	void consecutiveFailuresGaugeIncrementsPerFailureAndResetsOnSuccess() {
		ApiCallRecorder recorder = this.metrics.recorder("kaltura.session.get");
		recorder.record(recorder.monotonicTime(), new IOException(), SLOW);
		assertThat(consecutiveFailures("kaltura.session.get")).isEqualTo(1.0);
		recorder.record(recorder.monotonicTime(), new IllegalStateException(), SLOW);
		assertThat(consecutiveFailures("kaltura.session.get")).isEqualTo(2.0);
		assertThat(this.metrics.consecutiveFailures()).isEqualTo(Map.of("kaltura.session.get", 2));
		recorder.record(recorder.monotonicTime(), null, SLOW);
		assertThat(consecutiveFailures("kaltura.session.get")).isZero();
		assertThat(recorder.consecutiveFailures()).isZero();
	}

	@Test
	void consecutiveFailuresAreTrackedPerApi() {
		this.metrics.recorder("a").record(0, new IOException(), SLOW);
		this.metrics.recorder("b").record(0, null, SLOW);
		assertThat(this.metrics.consecutiveFailures()).containsExactly(Map.entry("a", 1), Map.entry("b", 0));
	}

	@Test
	void countsCallsSlowerThanTheThreshold() {
		ApiCallRecorder recorder = this.metrics.recorder("kaltura.search");
		long start = recorder.monotonicTime();
		this.clock.add(Duration.ofMillis(500));
		recorder.record(start, null, SLOW);
		assertThat(slowCount("kaltura.search")).isZero();
		start = recorder.monotonicTime();
		this.clock.add(Duration.ofMillis(501));
		recorder.record(start, new IOException(), SLOW);
		assertThat(slowCount("kaltura.search")).isEqualTo(1);
	}

	@Test
	void metersThatThrowNeverBreakTheCallAndAreLoggedOnceAtWarn(CapturedOutput output) {
		ApiCallMetrics broken = new ApiCallMetrics(BrokenMeterRegistry.withThrowingMeters(), Duration.ofMinutes(1),
				CallFailureListener.NONE, new DefaultFailureClassifier());
		ApiCallRecorder recorder = broken.recorder("api");
		assertThatNoException().isThrownBy(() -> {
			recorder.record(recorder.monotonicTime(), null, 0);
			recorder.record(recorder.monotonicTime(), new IOException(), 0);
			recorder.record(recorder.monotonicTime(), new IOException(), 0);
		});
		assertThat(recorder.consecutiveFailures()).isEqualTo(2);
		assertWarnedOnce(output);
	}

	@Test
	void filterThatThrowsInMapNeverBreaksTheCallAndIsLoggedOnceAtWarn(CapturedOutput output) {
		ApiCallMetrics broken = new ApiCallMetrics(BrokenMeterRegistry.withFilterThrowingInMap(),
				Duration.ofMinutes(1), CallFailureListener.NONE, new DefaultFailureClassifier());
		assertThatNoException().isThrownBy(() -> {
			ApiCallRecorder recorder = broken.recorder("api");
			recorder.record(recorder.monotonicTime(), null, 0);
			recorder.record(recorder.monotonicTime(), new IOException(), 0);
			assertThat(recorder.api()).isEqualTo("api");
		});
		assertWarnedOnce(output);
	}

	@Test
	void tellsTheFailureListenerAboutEachFailureWithItsMessage() {
		List<CallFailure> failures = new ArrayList<>();
		ApiCallMetrics listened = new ApiCallMetrics(new SimpleMeterRegistry(SimpleConfig.DEFAULT, this.clock),
				Duration.ofMinutes(1), failures::add, new DefaultFailureClassifier());
		ApiCallRecorder recorder = listened.recorder("kaltura.media.get");
		this.clock.add(Duration.ofSeconds(5));
		recorder.record(recorder.monotonicTime(), null, SLOW);
		assertThat(failures).isEmpty();
		recorder.record(recorder.monotonicTime(), new CompletionException(new IOException("connection reset")), SLOW);
		recorder.record(recorder.monotonicTime(), new IllegalStateException(), SLOW);
		Instant now = Instant.ofEpochMilli(this.clock.wallTime());
		assertThat(failures).containsExactly(
				new CallFailure(now, CallFailure.API, "kaltura.media.get", "IOException", "connection reset"),
				new CallFailure(now, CallFailure.API, "kaltura.media.get", "IllegalStateException", null));
	}

	@Test
	void aFailureListenerThatThrowsNeverBreaksTheCall() {
		ApiCallMetrics listened = new ApiCallMetrics(this.registry, Duration.ofMinutes(1), (failure) -> {
			throw new IllegalStateException("listener broken");
		}, new DefaultFailureClassifier());
		ApiCallRecorder recorder = listened.recorder("kaltura.media.get");
		assertThatNoException().isThrownBy(() -> recorder.record(recorder.monotonicTime(), new IOException(), SLOW));
		assertThat(this.registry.get(McpMeterNames.API_CALL_DURATION)
			.tag("api", "kaltura.media.get")
			.tag("error.type", "IOException")
			.timer()
			.count()).isEqualTo(1);
		assertThat(recorder.consecutiveFailures()).isEqualTo(1);
	}

	private static void assertWarnedOnce(CapturedOutput output) {
		assertThat(output.getOut().lines().filter((line) -> line.contains(BrokenMeterRegistry.RECORDING_FAILED_WARNING)))
			.singleElement()
			.asString()
			.startsWith("WARN");
	}

	private double consecutiveFailures(String api) {
		return this.registry.get(McpMeterNames.API_CONSECUTIVE_FAILURES).tag("api", api).gauge().value();
	}

	private double slowCount(String api) {
		return this.registry.get(McpMeterNames.API_CALL_SLOW).tag("api", api).counter().count();
	}

}
