package io.github.mcpmonitoring.alerts.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.github.mcpmonitoring.alerts.AlertEvaluator;
import io.github.mcpmonitoring.alerts.AlertRule;
import io.github.mcpmonitoring.alerts.RecordingNotifier;
import io.github.mcpmonitoring.core.ApiCallMetrics;
import io.github.mcpmonitoring.core.ApiCallRecorder;
import io.github.mcpmonitoring.core.CallFailureListener;
import io.github.mcpmonitoring.core.ErrorTypes;
import io.github.mcpmonitoring.core.InFlightCalls;
import io.github.mcpmonitoring.core.McpMeterNames;
import io.github.mcpmonitoring.core.ToolCallMetrics;
import io.github.mcpmonitoring.core.ToolCallRecorder;
import io.github.mcpmonitoring.errors.AuthenticationFailures;
import io.github.mcpmonitoring.errors.MessageRedactor;
import io.github.mcpmonitoring.errors.RecentErrors;
import io.github.mcpmonitoring.failures.DefaultFailureClassifier;
import io.github.mcpmonitoring.failures.FailedCall;
import io.github.mcpmonitoring.failures.FailureClassifier;
import io.github.mcpmonitoring.testing.MutableClock;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Real meters, meter history, recent errors and an evaluator on one clock that the test moves: a Micrometer
 * {@link MockClock} for the registry and a {@link MutableClock} for the evaluator, always moved together. Calls are
 * recorded through the starter's own recorders, with the duration the test gives.
 */
public final class RuleHarness {

	/** How often the evaluator is assumed to run; the meter history keeps one interval more than the windows. */
	public static final Duration EVALUATION_INTERVAL = Duration.ofSeconds(15);

	/** The repeat interval of the evaluator. */
	public static final Duration REPEAT = Duration.ofMinutes(10);

	/** The window of the rules on meters, as by default. */
	public static final Duration WINDOW = Duration.ofMinutes(5);

	private static final long NEVER_SLOW = Long.MAX_VALUE;

	private final MockClock meterClock = new MockClock();

	private final MutableClock clock = new MutableClock(Instant.ofEpochMilli(this.meterClock.wallTime()));

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, this.meterClock);

	private final RecentErrors recentErrors = new RecentErrors(1000, new MessageRedactor(List.of(), 200));

	private final AuthenticationFailures authenticationFailures;

	private final InFlightCalls inFlightCalls = new InFlightCalls();

	private final ToolCallMetrics tools;

	private final ApiCallMetrics apis;

	private final MeterHistory history;

	private final RecordingNotifier notifier = new RecordingNotifier();

	public RuleHarness() {
		// As the auto-configuration does for a simple registry: buckets must stay cumulative to be subtracted.
		this.registry.config().meterFilter(new CumulativeHistogramFilter());
		this.authenticationFailures = new AuthenticationFailures(this.registry);
		CallFailureListener listeners = (failure) -> {
			this.recentErrors.onFailure(failure);
			this.authenticationFailures.onFailure(failure);
		};
		// One opt-in pattern, so that a rejected Kaltura session in an upstream API failure's message counts.
		FailureClassifier classifier = new DefaultFailureClassifier(List.of(), List.of("INVALID_KS"));
		this.tools = new ToolCallMetrics(this.registry, Duration.ofMinutes(1), listeners, this.inFlightCalls,
				classifier);
		this.apis = new ApiCallMetrics(this.registry, Duration.ofMinutes(1), listeners, classifier);
		this.history = new MeterHistory(this.registry, this.clock, WINDOW.plus(EVALUATION_INTERVAL));
	}

	/**
	 * Create an evaluator of rules that takes a snapshot of the meters before each evaluation, as the
	 * auto-configuration does.
	 * @param rules the rules
	 * @return the evaluator
	 */
	public AlertEvaluator evaluator(AlertRule... rules) {
		return new AlertEvaluator(List.of(rules), List.of(this.notifier), List.of(this.history::capture), this.clock,
				REPEAT, (rule) -> "docs/runbooks/" + rule.alertName() + ".md", 1000, this.registry);
	}

	/**
	 * Move both clocks forward.
	 * @param duration how far
	 */
	public void advance(Duration duration) {
		this.meterClock.add(duration);
		this.clock.add(duration);
	}

	/**
	 * Record a finished tool call that took the given time and ended now.
	 * @param tool the tool name
	 * @param duration how long it took
	 * @param errorType its outcome, {@link ErrorTypes#NONE} for a success
	 */
	public void toolCall(String tool, Duration duration, String errorType) {
		toolCall(tool, duration, errorType, NEVER_SLOW);
	}

	/**
	 * Record a finished tool call that took the given time and ended now.
	 * @param tool the tool name
	 * @param duration how long it took
	 * @param errorType its outcome, {@link ErrorTypes#NONE} for a success
	 * @param slowThreshold duration above which it counts as slow
	 */
	public void toolCall(String tool, Duration duration, String errorType, Duration slowThreshold) {
		toolCall(tool, duration, errorType, slowThreshold.toNanos());
	}

	private void toolCall(String tool, Duration duration, String errorType, long slowThresholdNanos) {
		ToolCallRecorder recorder = this.tools.recorder(tool);
		String message = ErrorTypes.NONE.equals(errorType) ? null : errorType + " in " + tool;
		recorder.record(recorder.monotonicTime() - duration.toNanos(), null, errorType, slowThresholdNanos, message);
	}

	/**
	 * Record a failed tool call that took 10 ms and ended now, classified from its exception as the MCP layer does.
	 * @param tool the tool name
	 * @param failure what it failed with
	 * @param upstreamCalled whether an upstream API call ran inside it
	 */
	public void toolCall(String tool, Throwable failure, boolean upstreamCalled) {
		ToolCallRecorder recorder = this.tools.recorder(tool);
		recorder.record(recorder.monotonicTime() - Duration.ofMillis(10).toNanos(), null, ErrorTypes.of(failure),
				NEVER_SLOW, failure.getMessage(), FailedCall.tool(tool, failure, null, !upstreamCalled, false));
	}

	/**
	 * Record calls of a tool that each took 10 ms and ended now.
	 * @param tool the tool name
	 * @param count how many calls
	 * @param errorType their outcome
	 */
	public void toolCalls(String tool, int count, String errorType) {
		for (int i = 0; i < count; i++) {
			toolCall(tool, Duration.ofMillis(10), errorType);
		}
	}

	/**
	 * Record a request the way the request layer does, on a series with the full tag set of
	 * {@code mcp.server.operation.duration}: an empty string where an attribute does not apply.
	 * @param method the MCP method
	 * @param tool the tool name on {@code tools/call}, else empty
	 * @param errorType {@code none}, a JSON-RPC code the server caused, or empty for a client mistake
	 * @param errorOrigin {@code none}, {@code client} or {@code server}
	 * @param protocolVersion the session's protocol version, or empty
	 * @param duration how long it took
	 */
	public void request(String method, String tool, String errorType, String errorOrigin, String protocolVersion,
			Duration duration) {
		boolean rpcError = !ErrorTypes.NONE.equals(errorOrigin) && !"tool_error".equals(errorType);
		String statusCode = !rpcError ? "" : errorType.isEmpty() ? "-32602" : errorType;
		Timer.builder(McpMeterNames.OPERATION_DURATION)
			.serviceLevelObjectives(McpMeterNames.DURATION_BUCKETS.toArray(Duration[]::new))
			.tag(McpMeterNames.TAG_METHOD, method)
			.tag(McpMeterNames.TAG_TOOL, tool)
			.tag("gen_ai.prompt.name", "")
			.tag(McpMeterNames.TAG_ERROR_TYPE, errorType)
			.tag(McpMeterNames.TAG_ERROR_ORIGIN, errorOrigin)
			.tag("rpc.response.status_code", statusCode)
			.tag("gen_ai.operation.name", McpMeterNames.METHOD_TOOLS_CALL.equals(method) ? "execute_tool" : "")
			.tag("network.transport", "tcp")
			.tag("mcp.protocol.version", protocolVersion)
			.register(this.registry)
			.record(duration);
	}

	/**
	 * Record calls of a tool the server does not have, as the request layer does: {@code tools/call} of the
	 * placeholder tool, answered with JSON-RPC -32602, a client mistake.
	 * @param count how many calls
	 * @param protocolVersion the session's protocol version, or empty
	 */
	public void unknownToolCalls(int count, String protocolVersion) {
		for (int i = 0; i < count; i++) {
			request(McpMeterNames.METHOD_TOOLS_CALL, UnknownToolCallsRule.UNKNOWN_TOOL, "", "client", protocolVersion,
					Duration.ofMillis(2));
		}
	}

	/**
	 * Record a finished upstream API call that took the given time and ended now.
	 * @param api the API name
	 * @param duration how long it took
	 * @param failure what it failed with, or {@code null}
	 * @param slowThreshold duration above which it counts as slow
	 */
	public void apiCall(String api, Duration duration, Throwable failure, Duration slowThreshold) {
		ApiCallRecorder recorder = this.apis.recorder(api);
		recorder.record(recorder.monotonicTime() - duration.toNanos(), failure, slowThreshold.toNanos());
	}

	/**
	 * Record a finished upstream API call that took 10 ms and ended now.
	 * @param api the API name
	 * @param failure what it failed with, or {@code null}
	 */
	public void apiCall(String api, Throwable failure) {
		apiCall(api, Duration.ofMillis(10), failure, Duration.ofDays(1));
	}

	public SimpleMeterRegistry registry() {
		return this.registry;
	}

	public MutableClock clock() {
		return this.clock;
	}

	public MeterHistory history() {
		return this.history;
	}

	public RecentErrors recentErrors() {
		return this.recentErrors;
	}

	public ToolCallMetrics tools() {
		return this.tools;
	}

	/**
	 * Return how the tool calls in flight are counted: a call started on a thread counts once a sampling run finds
	 * it.
	 * @return the calls in flight
	 */
	public InFlightCalls inFlightCalls() {
		return this.inFlightCalls;
	}

	public ApiCallMetrics apis() {
		return this.apis;
	}

	public RecordingNotifier notifier() {
		return this.notifier;
	}

	/**
	 * Return the value of the {@code mcp.alerts.active} gauge of an alert name and severity.
	 * @param alertName the alert name
	 * @param severity the severity label
	 * @return the number of firing instances
	 */
	public double active(String alertName, String severity) {
		return this.registry.get("mcp.alerts.active")
			.tag("alertname", alertName)
			.tag("severity", severity)
			.gauge()
			.value();
	}

}
