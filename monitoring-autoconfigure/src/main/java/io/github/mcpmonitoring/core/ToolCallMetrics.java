package io.github.mcpmonitoring.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.noop.NoopCounter;
import io.micrometer.core.instrument.noop.NoopLongTaskTimer;
import io.micrometer.core.instrument.noop.NoopTimer;

/**
 * Entry point for recording MCP tool calls: hands out one {@link ToolCallRecorder} per tool name and keeps the set
 * of tools the server exposes for the {@code mcp.tools.registered} gauge.
 * <p>
 * Calls in flight are counted {@link InFlightCalls#everyCall() one by one} unless another way to count them is
 * given.
 */
public class ToolCallMetrics {

	private final MeterRegistry registry;

	private final Duration slowCallLogInterval;

	private final RecordingFailureLog failureLog = new RecordingFailureLog();

	private final Map<String, ToolCallRecorder> recorders = new ConcurrentHashMap<>();

	private final Set<String> registeredTools = ConcurrentHashMap.newKeySet();

	private final CallFailureListener failureListener;

	private final InFlightCalls inFlightCalls;

	/**
	 * Create an instance that registers its meters in the given registry.
	 * @param registry the registry
	 * @param slowCallLogInterval minimum time between two slow-call log lines of the same tool
	 */
	public ToolCallMetrics(MeterRegistry registry, Duration slowCallLogInterval) {
		this(registry, slowCallLogInterval, CallFailureListener.NONE);
	}

	/**
	 * Create an instance that registers its meters in the given registry and tells a listener about failed calls.
	 * @param registry the registry
	 * @param slowCallLogInterval minimum time between two slow-call log lines of the same tool
	 * @param failureListener told about every failed call
	 */
	public ToolCallMetrics(MeterRegistry registry, Duration slowCallLogInterval, CallFailureListener failureListener) {
		this(registry, slowCallLogInterval, failureListener, InFlightCalls.everyCall());
	}

	/**
	 * Create an instance that registers its meters in the given registry, tells a listener about failed calls and
	 * counts calls in flight in the given way.
	 * @param registry the registry
	 * @param slowCallLogInterval minimum time between two slow-call log lines of the same tool
	 * @param failureListener told about every failed call
	 * @param inFlightCalls how calls in flight are counted; when {@link InFlightCalls#sampled() sampled}, its
	 * sampling runs are the caller's to schedule
	 */
	public ToolCallMetrics(MeterRegistry registry, Duration slowCallLogInterval, CallFailureListener failureListener,
			InFlightCalls inFlightCalls) {
		this.registry = registry;
		this.slowCallLogInterval = SettingChecks.requireNonNegative("slowCallLogInterval", slowCallLogInterval);
		this.failureListener = failureListener;
		this.inFlightCalls = inFlightCalls;
		registerToolsGauge();
	}

	/**
	 * Return the recorder of a tool, creating its meters on first use. Never throws: when the meters cannot be
	 * registered, the failure is logged and a recorder that records nothing is returned.
	 * @param toolName the tool name
	 * @return the recorder
	 */
	public ToolCallRecorder recorder(String toolName) {
		ToolCallRecorder recorder = this.recorders.get(toolName);
		if (recorder != null) {
			return recorder;
		}
		try {
			return this.recorders.computeIfAbsent(toolName, this::createRecorder);
		}
		catch (Throwable ex) {
			this.failureLog.recordingFailed(McpMeterNames.OPERATION_DURATION, ex);
			return noopRecorder(toolName);
		}
	}

	/**
	 * Count a tool as exposed by the server.
	 * @param toolName the tool name
	 */
	public void registerTool(String toolName) {
		this.registeredTools.add(toolName);
	}

	/**
	 * Tell whether the MCP layer records the calls of a tool.
	 * @param toolName the name the server exposes the tool under
	 * @return whether the tool was {@link #registerTool(String) registered}
	 */
	public boolean isRegisteredTool(String toolName) {
		return this.registeredTools.contains(toolName);
	}

	/**
	 * Return the number of tools counted as exposed by the server.
	 * @return the number of registered tools
	 */
	public int registeredToolCount() {
		return this.registeredTools.size();
	}

	/**
	 * Return where failures to record tool calls are logged, once at WARN and then at DEBUG.
	 * @return the log of recording failures
	 */
	public RecordingFailureLog failureLog() {
		return this.failureLog;
	}

	void failed(String toolName, String errorType, String message) {
		Instant time = Instant.ofEpochMilli(this.registry.config().clock().wallTime());
		this.failureListener.onFailure(new CallFailure(time, CallFailure.TOOL, toolName, errorType, message));
	}

	Timer durationTimer(String toolName, String errorType) {
		return Timer.builder(McpMeterNames.OPERATION_DURATION)
			.description("Duration of MCP server operations")
			.tag(McpMeterNames.TAG_METHOD, McpMeterNames.METHOD_TOOLS_CALL)
			.tag(McpMeterNames.TAG_TOOL, toolName)
			.tag(McpMeterNames.TAG_ERROR_TYPE, errorType)
			.serviceLevelObjectives(McpMeterNames.durationBuckets())
			.register(this.registry);
	}

	private void registerToolsGauge() {
		try {
			Gauge.builder(McpMeterNames.TOOLS_REGISTERED, this.registeredTools, Set::size)
				.description("Tools the MCP server exposes")
				.strongReference(true)
				.register(this.registry);
		}
		catch (Throwable ex) {
			// A broken registry must not fail the application's startup either.
			this.failureLog.recordingFailed(McpMeterNames.TOOLS_REGISTERED, ex);
		}
	}

	private ToolCallRecorder noopRecorder(String toolName) {
		Meter.Id id = new Meter.Id(McpMeterNames.OPERATION_DURATION, Tags.of(McpMeterNames.TAG_TOOL, toolName), null,
				null, Meter.Type.TIMER);
		Timer timer = new NoopTimer(id);
		Counter counter = new NoopCounter(id);
		return new ToolCallRecorder(toolName, this, Clock.SYSTEM, timer, timer, new NoopLongTaskTimer(id),
				this.inFlightCalls, new SlowCallReporter(toolName, counter, Clock.SYSTEM, this.slowCallLogInterval));
	}

	private ToolCallRecorder createRecorder(String toolName) {
		Clock clock = this.registry.config().clock();
		LongTaskTimer active = LongTaskTimer.builder(McpMeterNames.OPERATION_ACTIVE)
			.description("MCP server operations in flight")
			.tag(McpMeterNames.TAG_METHOD, McpMeterNames.METHOD_TOOLS_CALL)
			.tag(McpMeterNames.TAG_TOOL, toolName)
			.register(this.registry);
		Counter slow = Counter.builder(McpMeterNames.OPERATION_SLOW)
			.description("MCP tool calls slower than their threshold")
			.tag(McpMeterNames.TAG_METHOD, McpMeterNames.METHOD_TOOLS_CALL)
			.tag(McpMeterNames.TAG_TOOL, toolName)
			.register(this.registry);
		SlowCallReporter slowCalls = new SlowCallReporter("tool '" + toolName + "'", slow, clock,
				this.slowCallLogInterval);
		return new ToolCallRecorder(toolName, this, clock, durationTimer(toolName, ErrorTypes.NONE),
				durationTimer(toolName, ErrorTypes.TOOL_ERROR), active, this.inFlightCalls, slowCalls);
	}

}
