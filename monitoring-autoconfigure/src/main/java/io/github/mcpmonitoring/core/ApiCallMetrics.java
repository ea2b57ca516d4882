package io.github.mcpmonitoring.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

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
public class ApiCallMetrics {

	private final MeterRegistry registry;

	private final Duration slowCallLogInterval;

	private final RecordingFailureLog failureLog = new RecordingFailureLog();

	private final Map<String, ApiCallRecorder> recorders = new ConcurrentHashMap<>();

	private final CallFailureListener failureListener;

	/**
	 * Create an instance that registers its meters in the given registry.
	 * @param registry the registry
	 * @param slowCallLogInterval minimum time between two slow-call log lines of the same API
	 */
	public ApiCallMetrics(MeterRegistry registry, Duration slowCallLogInterval) {
		this(registry, slowCallLogInterval, CallFailureListener.NONE);
	}

	/**
	 * Create an instance that registers its meters in the given registry and tells a listener about failed calls.
	 * @param registry the registry
	 * @param slowCallLogInterval minimum time between two slow-call log lines of the same API
	 * @param failureListener told about every failed call
	 */
	public ApiCallMetrics(MeterRegistry registry, Duration slowCallLogInterval, CallFailureListener failureListener) {
		this.registry = registry;
		this.slowCallLogInterval = SettingChecks.requireNonNegative("slowCallLogInterval", slowCallLogInterval);
		this.failureListener = failureListener;
	}

	/**
	 * Return the recorder of an API, creating its meters on first use. Never throws: when the meters cannot be
	 * registered, the failure is logged and a recorder that records nothing is returned.
	 * @param api the API name
	 * @return the recorder
	 */
	public ApiCallRecorder recorder(String api) {
		ApiCallRecorder recorder = this.recorders.get(api);
		if (recorder != null) {
			return recorder;
		}
		try {
			return this.recorders.computeIfAbsent(api, this::createRecorder);
		}
		catch (Throwable ex) {
			this.failureLog.recordingFailed(McpMeterNames.API_CALL_DURATION, ex);
			Meter.Id id = new Meter.Id(McpMeterNames.API_CALL_DURATION, Tags.of(McpMeterNames.TAG_API, api), null,
					null, Meter.Type.TIMER);
			return new ApiCallRecorder(api, this, Clock.SYSTEM, new NoopTimer(id),
					new SlowCallReporter(api, new NoopCounter(id), Clock.SYSTEM, this.slowCallLogInterval),
					new AtomicInteger());
		}
	}

	/**
	 * Return the failures in a row of each API seen so far.
	 * @return consecutive failures by API name
	 */
	public Map<String, Integer> consecutiveFailures() {
		Map<String, Integer> result = new TreeMap<>();
		this.recorders.forEach((api, recorder) -> result.put(api, recorder.consecutiveFailures()));
		return result;
	}

	RecordingFailureLog failureLog() {
		return this.failureLog;
	}

	void failed(String api, String errorType, Throwable failure) {
		Instant time = Instant.ofEpochMilli(this.registry.config().clock().wallTime());
		String message = ErrorTypes.messageOf(failure);
		this.failureListener.onFailure(new CallFailure(time, CallFailure.API, api, errorType, message));
	}

	Timer durationTimer(String api, String errorType) {
		return Timer.builder(McpMeterNames.API_CALL_DURATION)
			.description("Duration of calls to upstream APIs")
			.tag(McpMeterNames.TAG_API, api)
			.tag(McpMeterNames.TAG_ERROR_TYPE, errorType)
			.serviceLevelObjectives(McpMeterNames.durationBuckets())
			.register(this.registry);
	}

	private ApiCallRecorder createRecorder(String api) {
		Clock clock = this.registry.config().clock();
		AtomicInteger consecutiveFailures = new AtomicInteger();
		Gauge.builder(McpMeterNames.API_CONSECUTIVE_FAILURES, consecutiveFailures, AtomicInteger::get)
			.description("Failed calls in a row to an upstream API, reset by a success")
			.tag(McpMeterNames.TAG_API, api)
			.strongReference(true)
			.register(this.registry);
		Counter slow = Counter.builder(McpMeterNames.API_CALL_SLOW)
			.description("Upstream API calls slower than their threshold")
			.tag(McpMeterNames.TAG_API, api)
			.register(this.registry);
		SlowCallReporter slowCalls = new SlowCallReporter("API '" + api + "'", slow, clock, this.slowCallLogInterval);
		return new ApiCallRecorder(api, this, clock, durationTimer(api, ErrorTypes.NONE), slowCalls,
				consecutiveFailures);
	}

}
