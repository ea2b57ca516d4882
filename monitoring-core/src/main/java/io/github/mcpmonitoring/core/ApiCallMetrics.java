package io.github.mcpmonitoring.core;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.mcpmonitoring.failures.FailedCall;
import io.github.mcpmonitoring.failures.FailureClass;
import io.github.mcpmonitoring.failures.FailureClassifier;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.noop.NoopCounter;
import io.micrometer.core.instrument.noop.NoopTimer;

/**
 * Entry point for recording upstream API calls: hands out one {@link ApiCallRecorder} per API name.
 */
public class ApiCallMetrics extends CallMetrics<ApiCallRecorder> {

	/**
	 * Create an instance that registers its meters in the given registry and tells a listener about failed calls.
	 * @param registry the registry
	 * @param slowCallLogInterval minimum time between two slow-call log lines of the same API
	 * @param failureListener told about every failed call
	 * @param classifier decides what a failed call is; must never throw
	 */
	public ApiCallMetrics(MeterRegistry registry, Duration slowCallLogInterval, CallFailureListener failureListener,
			FailureClassifier classifier) {
		super(registry, slowCallLogInterval, failureListener, CallFailure.API, McpMeterNames.API_CALL_DURATION,
				classifier);
	}

	/**
	 * Return the failures in a row of each API seen so far.
	 * @return consecutive failures by API name
	 */
	public Map<String, Integer> consecutiveFailures() {
		Map<String, Integer> result = new TreeMap<>();
		recorders().forEach((api, recorder) -> result.put(api, recorder.consecutiveFailures()));
		return result;
	}

	FailureClass classify(String api, Throwable failure) {
		return classify(FailedCall.api(api, failure));
	}

	void failed(String api, String errorType, FailureClass failureClass, Throwable failure) {
		failed(api, errorType, failureClass, ErrorTypes.messageOf(failure));
	}

	Timer durationTimer(String api, String errorType, String errorOrigin) {
		return durationTimer("Duration of calls to upstream APIs").tag(McpMeterNames.TAG_API, api)
			.tag(McpMeterNames.TAG_ERROR_TYPE, errorType)
			.tag(McpMeterNames.TAG_ERROR_ORIGIN, errorOrigin)
			.register(registry());
	}

	@Override
	ApiCallRecorder noopRecorder(String api) {
		Meter.Id id = new Meter.Id(McpMeterNames.API_CALL_DURATION, Tags.of(McpMeterNames.TAG_API, api), null, null,
				Meter.Type.TIMER);
		return new ApiCallRecorder(api, this, Clock.SYSTEM, new NoopTimer(id),
				slowCallReporter(McpMeterNames.TAG_API, api, api, new NoopCounter(id), Clock.SYSTEM),
				new AtomicInteger());
	}

	@Override
	ApiCallRecorder createRecorder(String api) {
		Clock clock = clock();
		AtomicInteger consecutiveFailures = new AtomicInteger();
		Gauge.builder(McpMeterNames.API_CONSECUTIVE_FAILURES, consecutiveFailures, AtomicInteger::get)
			.description("Failed calls in a row to an upstream API, reset by a success")
			.tag(McpMeterNames.TAG_API, api)
			.strongReference(true)
			.register(registry());
		Counter slow = Counter.builder(McpMeterNames.API_CALL_SLOW)
			.description("Upstream API calls slower than their threshold")
			.tag(McpMeterNames.TAG_API, api)
			.register(registry());
		return new ApiCallRecorder(api, this, clock, durationTimer(api, ErrorTypes.NONE, McpMeterNames.ORIGIN_NONE),
				slowCallReporter(McpMeterNames.TAG_API, api, "API '" + api + "'", slow, clock),
				consecutiveFailures);
	}

}
