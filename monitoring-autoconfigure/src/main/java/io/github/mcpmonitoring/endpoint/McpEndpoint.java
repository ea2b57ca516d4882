package io.github.mcpmonitoring.endpoint;

import java.time.Duration;
import java.util.LinkedHashMap;
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

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * The {@code mcp} actuator endpoint: a read-only monitoring summary for teams without Prometheus. Per tool and per
 * upstream API: calls, errors, error ratio and latency percentiles over the alert window, calls in flight and the
 * last error; the recent errors; and the alerts firing, pending and their last transitions.
 */
@Endpoint(id = "mcp")
public class McpEndpoint {

	private static final int RECENT_ERRORS = 20;

	private static final int TRANSITIONS = 50;

	private final MeterRegistry registry;

	private final MeterHistory history;

	private final ApiCallMetrics apiMetrics;

	private final RecentErrors recentErrors;

	private final AlertEvaluator evaluator;

	private final Duration window;

	/**
	 * Create the endpoint.
	 * @param registry where the tool meters are
	 * @param history the meter history the alert rules use
	 * @param apiMetrics the upstream API metrics
	 * @param recentErrors the recent failures
	 * @param evaluator the alert evaluator
	 * @param window the window calls and percentiles are computed over
	 */
	public McpEndpoint(MeterRegistry registry, MeterHistory history, ApiCallMetrics apiMetrics,
			RecentErrors recentErrors, AlertEvaluator evaluator, Duration window) {
		this.registry = registry;
		this.history = history;
		this.apiMetrics = apiMetrics;
		this.recentErrors = recentErrors;
		this.evaluator = evaluator;
		this.window = window;
	}

	@ReadOperation
	public Map<String, Object> summary() {
		List<CallFailure> latestErrors = this.recentErrors.latest(this.recentErrors.capacity());
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("window", this.window.toString());
		summary.put("tools", tools(latestErrors));
		summary.put("apis", apis(latestErrors));
		summary.put("recentErrors", latestErrors.stream().limit(RECENT_ERRORS).map(McpEndpoint::describe).toList());
		summary.put("alerts", alerts());
		return summary;
	}

	private Map<String, Object> tools(List<CallFailure> latestErrors) {
		Map<String, MeterHistory.CallWindow> windows = this.history.toolWindows(this.window);
		Map<String, Object> tools = new TreeMap<>();
		for (String tool : names(McpMeterNames.OPERATION_DURATION, McpMeterNames.TAG_TOOL)) {
			Map<String, Object> stats = stats(windows.get(tool), lastError(latestErrors, CallFailure.TOOL, tool));
			stats.put("inFlight", inFlight(tool));
			tools.put(tool, stats);
		}
		return tools;
	}

	private Map<String, Object> apis(List<CallFailure> latestErrors) {
		Map<String, MeterHistory.CallWindow> windows = this.history.apiWindows(this.window);
		Map<String, Integer> consecutiveFailures = this.apiMetrics.consecutiveFailures();
		Map<String, Object> apis = new TreeMap<>();
		for (String api : names(McpMeterNames.API_CALL_DURATION, McpMeterNames.TAG_API)) {
			Map<String, Object> stats = stats(windows.get(api), lastError(latestErrors, CallFailure.API, api));
			stats.put("consecutiveFailures", consecutiveFailures.getOrDefault(api, 0));
			apis.put(api, stats);
		}
		return apis;
	}

	private Map<String, Object> alerts() {
		Map<String, Object> alerts = new LinkedHashMap<>();
		alerts.put("firing", this.evaluator.alerts(AlertState.FIRING).stream().map(McpEndpoint::describe).toList());
		alerts.put("pending", this.evaluator.alerts(AlertState.PENDING).stream().map(McpEndpoint::describe).toList());
		alerts.put("transitions",
				this.evaluator.transitions(TRANSITIONS).stream().map(McpEndpoint::describe).toList());
		return alerts;
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

	private static Map<String, Object> stats(MeterHistory.CallWindow window, CallFailure lastError) {
		Map<String, Object> stats = new LinkedHashMap<>();
		double calls = (window != null) ? window.calls() : 0;
		double errors = (window != null) ? window.errors() : 0;
		stats.put("calls", (long) calls);
		stats.put("errors", (long) errors);
		stats.put("errorRatio", (calls > 0) ? errors / calls : 0.0);
		stats.put("p50Seconds", (window != null) ? finiteOrNull(window.quantile(0.5)) : null);
		stats.put("p95Seconds", (window != null) ? finiteOrNull(window.quantile(0.95)) : null);
		stats.put("lastError", (lastError != null) ? describe(lastError) : null);
		return stats;
	}

	private static CallFailure lastError(List<CallFailure> latestErrors, String kind, String name) {
		for (CallFailure failure : latestErrors) {
			if (failure.kind().equals(kind) && failure.name().equals(name)) {
				return failure;
			}
		}
		return null;
	}

	private static Double finiteOrNull(double value) {
		return Double.isFinite(value) ? value : null;
	}

	private static Map<String, Object> describe(CallFailure failure) {
		Map<String, Object> description = new LinkedHashMap<>();
		description.put("time", failure.time().toString());
		description.put("kind", failure.kind());
		description.put("name", failure.name());
		description.put("errorType", failure.errorType());
		description.put("message", failure.message());
		return description;
	}

	private static Map<String, Object> describe(Alert alert) {
		Map<String, Object> description = new LinkedHashMap<>();
		description.put("name", alert.name());
		description.put("severity", alert.severity().label());
		description.put("state", alert.state().label());
		description.put("labels", alert.labels());
		description.put("value", finiteOrNull(alert.value()));
		description.put("activeSince", String.valueOf(alert.activeSince()));
		description.put("firingSince", (alert.firingSince() != null) ? alert.firingSince().toString() : null);
		description.put("summary", alert.summary());
		description.put("runbookUrl", alert.runbookUrl());
		return description;
	}

	private static Map<String, Object> describe(AlertTransition transition) {
		Map<String, Object> description = new LinkedHashMap<>();
		description.put("time", transition.time().toString());
		description.put("name", transition.alertName());
		description.put("severity", transition.severity().label());
		description.put("labels", transition.labels());
		description.put("from", transition.from().label());
		description.put("to", transition.to().label());
		description.put("value", finiteOrNull(transition.value()));
		return description;
	}

}
