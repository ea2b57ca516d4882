package io.github.mcpmonitoring.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.mcpmonitoring.failures.FailedCall;
import io.github.mcpmonitoring.failures.FailureClass;
import io.github.mcpmonitoring.failures.FailureClassifier;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * What the metrics of tool calls and of upstream API calls have in common: one recorder per name, created with its
 * meters on first use and replaced by one that records nothing when the meters cannot be registered; failed calls
 * classified and told to a listener; duration timers with the starter's buckets; slow calls counted and logged.
 *
 * @param <R> the type of the recorders
 */
abstract class CallMetrics<R> {

	private final MeterRegistry registry;

	private final Duration slowCallLogInterval;

	private final RecordingFailureLog failureLog = new RecordingFailureLog();

	private final Map<String, R> recorders = new ConcurrentHashMap<>();

	private final CallFailureListener failureListener;

	private final String kind;

	private final String durationMeterName;

	private final FailureClassifier classifier;

	CallMetrics(MeterRegistry registry, Duration slowCallLogInterval, CallFailureListener failureListener, String kind,
			String durationMeterName, FailureClassifier classifier) {
		this.registry = registry;
		this.classifier = classifier;
		this.slowCallLogInterval = SettingChecks.requireNonNegative("slowCallLogInterval", slowCallLogInterval);
		this.failureListener = failureListener;
		this.kind = kind;
		this.durationMeterName = durationMeterName;
	}

	/**
	 * Return the recorder of a name, creating its meters on first use. Never throws an exception: when the meters
	 * cannot be registered, the failure is logged and a recorder that records nothing is returned.
	 * @param name the tool or API name
	 * @return the recorder
	 */
	public R recorder(String name) {
		R recorder = this.recorders.get(name);
		if (recorder != null) {
			return recorder;
		}
		try {
			return this.recorders.computeIfAbsent(name, this::createRecorder);
		}
		catch (Throwable ex) {
			// An Error too (a linkage error from a mismatched library, a stack overflow in a listener): a failure
			// to record must not replace the monitored call's own outcome.
			this.failureLog.recordingFailed(this.durationMeterName, ex);
			return noopRecorder(name);
		}
	}

	/**
	 * Return where failures to record calls are logged, once at WARN and then at DEBUG.
	 * @return the log of recording failures
	 */
	public RecordingFailureLog failureLog() {
		return this.failureLog;
	}

	abstract R createRecorder(String name);

	abstract R noopRecorder(String name);

	Map<String, R> recorders() {
		return this.recorders;
	}

	MeterRegistry registry() {
		return this.registry;
	}

	Clock clock() {
		return this.registry.config().clock();
	}

	/** Decide what a failed call is: the classifier must not throw, and a missing answer is {@code OTHER}. */
	FailureClass classify(FailedCall call) {
		FailureClass failureClass = this.classifier.classify(call);
		return (failureClass != null) ? failureClass : FailureClass.OTHER;
	}

	/** Tell the listener about a failed call. */
	void failed(String name, String errorType, FailureClass failureClass, String message) {
		Instant time = Instant.ofEpochMilli(clock().wallTime());
		this.failureListener.onFailure(new CallFailure(time, this.kind, name, errorType, message, failureClass));
	}

	/** Start a duration timer of this kind of call, tagged and bucketed as the starter's timers are. */
	Timer.Builder durationTimer(String description) {
		return Timer.builder(this.durationMeterName)
			.description(description)
			.serviceLevelObjectives(McpMeterNames.durationBuckets());
	}

	SlowCallReporter slowCallReporter(String nameField, String name, String description, Counter slowCalls,
			Clock clock) {
		return new SlowCallReporter(nameField, name, description, slowCalls, clock, this.slowCallLogInterval);
	}

}
