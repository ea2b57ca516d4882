package io.github.mcpmonitoring.core;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.mcpmonitoring.failures.FailureClass;
import io.github.mcpmonitoring.failures.FailureClassifier;
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
 */
public class ToolCallMetrics extends CallMetrics<ToolCallRecorder> {

	private final Set<String> registeredTools = ConcurrentHashMap.newKeySet();

	private final InFlightCalls inFlightCalls;

	private final OperationTags operationTags;

	/**
	 * Create an instance that registers its meters in the given registry, tells a listener about failed calls and
	 * counts calls in flight with the given {@link InFlightCalls}, whose sampling runs are the caller's to schedule.
	 * @param registry the registry
	 * @param slowCallLogInterval minimum time between two slow-call log lines of the same tool
	 * @param failureListener told about every failed call
	 * @param inFlightCalls how calls in flight are counted
	 * @param classifier decides whose failure a failed call is; must never throw
	 */
	public ToolCallMetrics(MeterRegistry registry, Duration slowCallLogInterval, CallFailureListener failureListener,
			InFlightCalls inFlightCalls, FailureClassifier classifier) {
		this(registry, slowCallLogInterval, failureListener, inFlightCalls, classifier, OperationTags.NONE);
	}

	/**
	 * Create an instance whose duration timers carry the full key set of {@code mcp.server.operation.duration}, the
	 * connection tags of calls without a request record being the default ones of the given tags.
	 * @param registry the registry
	 * @param slowCallLogInterval minimum time between two slow-call log lines of the same tool
	 * @param failureListener told about every failed call
	 * @param inFlightCalls how calls in flight are counted
	 * @param classifier decides whose failure a failed call is; must never throw
	 * @param operationTags the tag keys of the duration timers and the default connection tags
	 */
	public ToolCallMetrics(MeterRegistry registry, Duration slowCallLogInterval, CallFailureListener failureListener,
			InFlightCalls inFlightCalls, FailureClassifier classifier, OperationTags operationTags) {
		super(registry, slowCallLogInterval, failureListener, CallFailure.TOOL, McpMeterNames.OPERATION_DURATION,
				classifier);
		this.inFlightCalls = inFlightCalls;
		this.operationTags = operationTags;
		registerToolsGauge();
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
	 * Return the tag keys of the duration timers and the default connection tags.
	 * @return the operation tags
	 */
	public OperationTags operationTags() {
		return this.operationTags;
	}

	Timer durationTimer(String toolName, String errorType, String errorOrigin, ConnectionTags connection) {
		return this.operationTags
			.tag(durationTimer("Duration of MCP server operations"), McpMeterNames.METHOD_TOOLS_CALL, toolName, "", "",
					errorType, errorOrigin, "", connection)
			.register(registry());
	}

	private void registerToolsGauge() {
		try {
			Gauge.builder(McpMeterNames.TOOLS_REGISTERED, this.registeredTools, Set::size)
				.description("Tools the MCP server exposes")
				.strongReference(true)
				.register(registry());
		}
		catch (Throwable ex) {
			// A broken registry, or a linkage error from a mismatched Micrometer, must not fail the application's
			// startup.
			failureLog().recordingFailed(McpMeterNames.TOOLS_REGISTERED, ex);
		}
	}

	@Override
	ToolCallRecorder noopRecorder(String toolName) {
		Meter.Id id = new Meter.Id(McpMeterNames.OPERATION_DURATION, Tags.of(McpMeterNames.TAG_TOOL, toolName), null,
				null, Meter.Type.TIMER);
		Timer timer = new NoopTimer(id);
		return new ToolCallRecorder(toolName, this, Clock.SYSTEM, this.operationTags.defaultConnection(),
				(connection) -> timer, (connection) -> timer, new NoopLongTaskTimer(id), this.inFlightCalls,
				slowCallReporter(McpMeterNames.TAG_TOOL, toolName, toolName, new NoopCounter(id),
						Clock.SYSTEM));
	}

	@Override
	ToolCallRecorder createRecorder(String toolName) {
		Clock clock = clock();
		LongTaskTimer active = LongTaskTimer.builder(McpMeterNames.OPERATION_ACTIVE)
			.description("MCP server operations in flight")
			.tag(McpMeterNames.TAG_METHOD, McpMeterNames.METHOD_TOOLS_CALL)
			.tag(McpMeterNames.TAG_TOOL, toolName)
			.register(registry());
		Counter slow = Counter.builder(McpMeterNames.OPERATION_SLOW)
			.description("MCP tool calls slower than their threshold")
			.tag(McpMeterNames.TAG_METHOD, McpMeterNames.METHOD_TOOLS_CALL)
			.tag(McpMeterNames.TAG_TOOL, toolName)
			.register(registry());
		return new ToolCallRecorder(toolName, this, clock, this.operationTags.defaultConnection(),
				(connection) -> durationTimer(toolName, ErrorTypes.NONE, McpMeterNames.ORIGIN_NONE, connection),
				(connection) -> durationTimer(toolName, ErrorTypes.TOOL_ERROR, FailureClass.OTHER.origin(), connection),
				active, this.inFlightCalls,
				slowCallReporter(McpMeterNames.TAG_TOOL, toolName, "tool '" + toolName + "'", slow, clock));
	}

}
