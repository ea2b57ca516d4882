package io.github.mcpmonitoring.summary;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import io.github.mcpmonitoring.alerts.Alert;
import io.github.mcpmonitoring.alerts.AlertEvaluator;
import io.github.mcpmonitoring.alerts.AlertState;
import io.github.mcpmonitoring.alerts.AlertTransition;
import io.github.mcpmonitoring.alerts.rules.MeterHistory;
import io.github.mcpmonitoring.core.ApiCallMetrics;
import io.github.mcpmonitoring.core.CallFailure;
import io.github.mcpmonitoring.core.McpMeterNames;
import io.github.mcpmonitoring.errors.RecentErrors;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.lang.Nullable;

/**
 * The read-only monitoring summary the {@code mcp} endpoint answers, for teams without Prometheus. Per tool, per MCP
 * method other than {@code tools/call} and per upstream API: calls, errors, client mistakes, error ratio and latency
 * percentiles over the alert window up to the moment of the request, the same counts since start; per tool and API
 * also calls in flight and the last error; the recent errors, client mistakes marked; and, while the alert evaluator
 * runs, the alerts firing, pending and their last transitions.
 * Latencies are whole milliseconds and ratios have four decimals. Null fields are meant to be left out when written
 * as JSON.
 */
public class McpSummary {

	private static final int RECENT_ERRORS = 20;

	private static final int TRANSITIONS = 50;

	private final MeterRegistry registry;

	private final ApiCallMetrics apiMetrics;

	private final RecentErrors recentErrors;

	private final MeterHistory history;

	private final Duration window;

	private final AlertEvaluator evaluator;

	/**
	 * Create the summary.
	 * @param registry where the tool and API meters are
	 * @param apiMetrics the upstream API metrics
	 * @param recentErrors the recent failures
	 * @param history the meter history the alert rules capture, or {@code null} without alerts: calls, errors and
	 * percentiles then count since start
	 * @param window the window calls and percentiles are computed over, {@code null} without a history
	 * @param evaluator the alert evaluator, or {@code null} when it does not run: the summary then has no alerts
	 */
	public McpSummary(MeterRegistry registry, ApiCallMetrics apiMetrics, RecentErrors recentErrors,
			@Nullable MeterHistory history, @Nullable Duration window, @Nullable AlertEvaluator evaluator) {
		this.registry = registry;
		this.apiMetrics = apiMetrics;
		this.recentErrors = recentErrors;
		// Without the evaluator nothing is ever captured: a history of its own then reads the meters since start.
		this.history = (history != null) ? history : new MeterHistory(registry, Clock.systemUTC(), Duration.ZERO);
		this.window = (history != null) ? window : null;
		this.evaluator = evaluator;
	}

	/**
	 * Compute the summary now.
	 * @return the window, tools, methods, APIs, recent errors and, while the evaluator runs, the alerts
	 */
	public McpDescriptor summary() {
		List<CallFailure> latestErrors = this.recentErrors.latest(this.recentErrors.capacity());
		return new McpDescriptor((this.window != null) ? this.window.toString() : null, tools(latestErrors),
				methods(), apis(latestErrors),
				latestErrors.stream().limit(RECENT_ERRORS).map(CallFailureDescriptor::of).toList(), alerts());
	}

	private Map<String, ToolDescriptor> tools(List<CallFailure> latestErrors) {
		Map<String, MeterHistory.CallWindow> totals = this.history.toolTotals();
		Map<String, MeterHistory.CallWindow> windows = (this.window != null)
				? this.history.toolWindowsUntilNow(this.window) : totals;
		Map<String, ToolDescriptor> tools = new TreeMap<>();
		for (String tool : totals.keySet()) {
			CallStats stats = CallStats.of(windows.get(tool), lastError(latestErrors, CallFailure.TOOL, tool));
			tools.put(tool, new ToolDescriptor(stats.calls(), stats.errors(), stats.clientErrors(), stats.errorRatio(),
					stats.p50Ms(), stats.p95Ms(), stats.lastError(), inFlight(tool), TotalsDescriptor.of(totals.get(tool))));
		}
		return tools;
	}

	private Map<String, MethodDescriptor> methods() {
		Map<String, MeterHistory.CallWindow> totals = this.history.methodTotals();
		Map<String, MeterHistory.CallWindow> windows = (this.window != null)
				? this.history.methodWindowsUntilNow(this.window) : totals;
		Map<String, MethodDescriptor> methods = new TreeMap<>();
		totals.forEach((method, total) -> {
			CallStats stats = CallStats.of(windows.get(method), null);
			methods.put(method, new MethodDescriptor(stats.calls(), stats.errors(), stats.clientErrors(),
					stats.errorRatio(), stats.p50Ms(), stats.p95Ms(), TotalsDescriptor.of(total)));
		});
		return methods;
	}

	private Map<String, ApiDescriptor> apis(List<CallFailure> latestErrors) {
		Map<String, MeterHistory.CallWindow> totals = this.history.apiTotals();
		Map<String, MeterHistory.CallWindow> windows = (this.window != null)
				? this.history.apiWindowsUntilNow(this.window) : totals;
		Map<String, Integer> consecutiveFailures = this.apiMetrics.consecutiveFailures();
		Map<String, ApiDescriptor> apis = new TreeMap<>();
		for (String api : names(McpMeterNames.API_CALL_DURATION, McpMeterNames.TAG_API)) {
			CallStats stats = CallStats.of(windows.get(api), lastError(latestErrors, CallFailure.API, api));
			apis.put(api, new ApiDescriptor(stats.calls(), stats.errors(), stats.clientErrors(), stats.errorRatio(),
					stats.p50Ms(), stats.p95Ms(), stats.lastError(), consecutiveFailures.getOrDefault(api, 0),
					TotalsDescriptor.of(totals.get(api))));
		}
		return apis;
	}

	private AlertsDescriptor alerts() {
		if (this.evaluator == null) {
			return null;
		}
		return new AlertsDescriptor(alerts(AlertState.FIRING), alerts(AlertState.PENDING),
				this.evaluator.transitions(TRANSITIONS).stream().map(TransitionDescriptor::of).toList());
	}

	private List<AlertDescriptor> alerts(AlertState state) {
		return this.evaluator.alerts(state).stream().map(AlertDescriptor::of).toList();
	}

	private TreeSet<String> names(String meterName, String tagKey) {
		TreeSet<String> names = new TreeSet<>();
		for (Timer timer : this.registry.find(meterName).timers()) {
			String name = timer.getId().getTag(tagKey);
			if (name != null) {
				names.add(name);
			}
		}
		return names;
	}

	private int inFlight(String tool) {
		return this.registry.find(McpMeterNames.OPERATION_ACTIVE)
			.tag(McpMeterNames.TAG_TOOL, tool)
			.longTaskTimers()
			.stream()
			.mapToInt(LongTaskTimer::activeTasks)
			.sum();
	}

	private static CallFailure lastError(List<CallFailure> latestErrors, String kind, String name) {
		for (CallFailure failure : latestErrors) {
			if (failure.kind().equals(kind) && failure.name().equals(name)) {
				return failure;
			}
		}
		return null;
	}

	/** Four decimals: enough for a ratio or an alert's value, short enough to read. */
	private static Double roundedOrNull(double value) {
		return Double.isFinite(value) ? Math.round(value * 10_000) / 10_000.0 : null;
	}

	private static Long millisOrNull(double seconds) {
		return Double.isFinite(seconds) ? Math.round(seconds * 1000) : null;
	}

	/**
	 * The summary: the window, tools, methods, APIs, recent errors and, while the evaluator runs, the alerts.
	 *
	 * @param window the window calls and percentiles are computed over (ISO-8601), or {@code null} when they count
	 * since start
	 * @param tools per tool name; calls of tools the server does not have under their placeholder {@code _OTHER}
	 * @param methods per MCP method other than {@code tools/call} (whose calls are in {@code tools}); empty while only
	 * tool calls are recorded
	 * @param apis per upstream API name
	 * @param recentErrors the latest failures, most recent first
	 * @param alerts the alerts, or {@code null} when the evaluator does not run
	 */
	public record McpDescriptor(String window, Map<String, ToolDescriptor> tools,
			Map<String, MethodDescriptor> methods, Map<String, ApiDescriptor> apis,
			List<CallFailureDescriptor> recentErrors, AlertsDescriptor alerts) {
	}

	/**
	 * One tool's calls.
	 *
	 * @param calls calls in the window, client mistakes included
	 * @param errors failed calls in the window, client mistakes left out
	 * @param clientErrors calls in the window that failed by the client's mistake
	 * @param errorRatio errors over calls, both without client mistakes, 0 without calls, four decimals
	 * @param p50Ms median duration in whole milliseconds, {@code null} when unknown
	 * @param p95Ms 95th percentile duration in whole milliseconds, {@code null} when unknown
	 * @param lastError the tool's latest failure among the recent errors, or {@code null}
	 * @param inFlight calls in flight now
	 * @param sinceStart the calls, errors and client mistakes since start
	 */
	public record ToolDescriptor(long calls, long errors, long clientErrors, double errorRatio, Long p50Ms,
			Long p95Ms, CallFailureDescriptor lastError, int inFlight, TotalsDescriptor sinceStart) {
	}

	/**
	 * One MCP method's requests.
	 *
	 * @param calls requests in the window, client mistakes included
	 * @param errors failed requests in the window, client mistakes left out
	 * @param clientErrors requests in the window that failed by the client's mistake (such as JSON-RPC -32602)
	 * @param errorRatio errors over requests, both without client mistakes, 0 without requests, four decimals
	 * @param p50Ms median duration in whole milliseconds, {@code null} when unknown
	 * @param p95Ms 95th percentile duration in whole milliseconds, {@code null} when unknown
	 * @param sinceStart the requests, errors and client mistakes since start
	 */
	public record MethodDescriptor(long calls, long errors, long clientErrors, double errorRatio, Long p50Ms,
			Long p95Ms, TotalsDescriptor sinceStart) {
	}

	/**
	 * One upstream API's calls.
	 *
	 * @param calls calls in the window, client mistakes included
	 * @param errors failed calls in the window, client mistakes left out
	 * @param clientErrors calls in the window that failed by the client's mistake
	 * @param errorRatio errors over calls, both without client mistakes, 0 without calls, four decimals
	 * @param p50Ms median duration in whole milliseconds, {@code null} when unknown
	 * @param p95Ms 95th percentile duration in whole milliseconds, {@code null} when unknown
	 * @param lastError the API's latest failure among the recent errors, or {@code null}
	 * @param consecutiveFailures failures in a row until now
	 * @param sinceStart the calls, errors and client mistakes since start
	 */
	public record ApiDescriptor(long calls, long errors, long clientErrors, double errorRatio, Long p50Ms,
			Long p95Ms, CallFailureDescriptor lastError, int consecutiveFailures, TotalsDescriptor sinceStart) {
	}

	/**
	 * One tool's or API's calls since start.
	 *
	 * @param calls calls since start, client mistakes included
	 * @param errors failed calls since start, client mistakes left out
	 * @param clientErrors calls since start that failed by the client's mistake
	 */
	public record TotalsDescriptor(long calls, long errors, long clientErrors) {

		static TotalsDescriptor of(MeterHistory.CallWindow total) {
			return (total != null)
					? new TotalsDescriptor((long) total.calls(), (long) total.errors(), (long) total.clientErrors())
					: new TotalsDescriptor(0, 0, 0);
		}

	}

	/**
	 * One failed call.
	 *
	 * @param time when it failed (ISO-8601)
	 * @param kind {@code tool} or {@code api}
	 * @param name the tool or API
	 * @param errorType the exception's simple class name or {@code tool_error}
	 * @param clientError whether the failure was the client's mistake
	 * @param message the redacted message
	 */
	public record CallFailureDescriptor(String time, String kind, String name, String errorType, boolean clientError,
			String message) {

		static CallFailureDescriptor of(CallFailure failure) {
			return new CallFailureDescriptor(failure.time().toString(), failure.kind(), failure.name(),
					failure.errorType(), failure.clientError(), failure.message());
		}

	}

	/**
	 * The alerts firing and pending, and the latest transitions, most recent first.
	 *
	 * @param firing the alerts firing
	 * @param pending the alerts pending
	 * @param transitions the latest transitions
	 */
	public record AlertsDescriptor(List<AlertDescriptor> firing, List<AlertDescriptor> pending,
			List<TransitionDescriptor> transitions) {
	}

	/**
	 * One active alert.
	 *
	 * @param name the alert name
	 * @param severity the severity label
	 * @param state {@code pending} or {@code firing}
	 * @param labels the alert's labels
	 * @param value the value that made it active, {@code null} when not finite
	 * @param activeSince when it became pending (ISO-8601)
	 * @param firingSince when it started firing (ISO-8601), or {@code null}
	 * @param summary one line for people
	 * @param runbookUrl where its runbook is
	 */
	public record AlertDescriptor(String name, String severity, String state, Map<String, String> labels, Double value,
			String activeSince, String firingSince, String summary, String runbookUrl) {

		static AlertDescriptor of(Alert alert) {
			return new AlertDescriptor(alert.name(), alert.severity().label(), alert.state().label(), alert.labels(),
					roundedOrNull(alert.value()), String.valueOf(alert.activeSince()),
					(alert.firingSince() != null) ? alert.firingSince().toString() : null, alert.summary(),
					alert.runbookUrl());
		}

	}

	/**
	 * One change of an alert's state.
	 *
	 * @param time when it changed (ISO-8601)
	 * @param name the alert name
	 * @param severity the severity label
	 * @param labels the alert's labels
	 * @param from the state before
	 * @param to the state after
	 * @param value the value at the change, {@code null} when not finite
	 */
	public record TransitionDescriptor(String time, String name, String severity, Map<String, String> labels,
			String from, String to, Double value) {

		static TransitionDescriptor of(AlertTransition transition) {
			return new TransitionDescriptor(transition.time().toString(), transition.alertName(),
					transition.severity().label(), transition.labels(), transition.from().label(),
					transition.to().label(), roundedOrNull(transition.value()));
		}

	}

	private record CallStats(long calls, long errors, long clientErrors, double errorRatio, Long p50Ms, Long p95Ms,
			CallFailureDescriptor lastError) {

		static CallStats of(MeterHistory.CallWindow window, CallFailure lastError) {
			double calls = (window != null) ? window.calls() : 0;
			double errors = (window != null) ? window.errors() : 0;
			double clientErrors = (window != null) ? window.clientErrors() : 0;
			// As the error-rate rule computes it: client mistakes count neither as calls nor as errors.
			double counted = calls - clientErrors;
			return new CallStats((long) calls, (long) errors, (long) clientErrors,
					(counted > 0) ? roundedOrNull(errors / counted) : 0.0,
					(window != null) ? millisOrNull(window.quantile(0.5)) : null,
					(window != null) ? millisOrNull(window.quantile(0.95)) : null,
					(lastError != null) ? CallFailureDescriptor.of(lastError) : null);
		}

	}

}
