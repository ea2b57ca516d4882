package io.github.mcpmonitoring.alerts.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.mcpmonitoring.alerts.AlertCandidate;
import io.github.mcpmonitoring.core.SettingChecks;

/**
 * {@code McpUnknownToolCalls}: clients called tools the server does not have more often than the threshold inside
 * the window. Such calls are answered with a JSON-RPC error before any tool handler runs and are recorded as
 * {@code tools/call} of the placeholder tool {@value #UNKNOWN_TOOL}, never under the name the client sent.
 */
public class UnknownToolCallsRule extends WindowedHistoryRule {

	/** The id of this rule. */
	public static final String ID = "unknown-tool-calls";

	/** The {@code gen_ai.tool.name} of a {@code tools/call} for a tool the server does not have. */
	public static final String UNKNOWN_TOOL = "_OTHER";

	/**
	 * Create the rule.
	 * @param settings severity, threshold (unknown-tool calls tolerated in the window) and {@code for}
	 * @param history the meter history
	 * @param window the window unknown-tool calls are counted in
	 */
	public UnknownToolCallsRule(RuleSettings settings, MeterHistory history, Duration window) {
		super(ID, "McpUnknownToolCalls", settings, history, window);
		SettingChecks.requireNonNegative("threshold", settings.threshold());
	}

	@Override
	public List<AlertCandidate> evaluate(Instant now) {
		MeterHistory.CallWindow unknown = this.history.toolWindows(this.window).get(UNKNOWN_TOOL);
		if (unknown == null || unknown.calls() <= this.settings.threshold()) {
			return List.of();
		}
		return List.of(candidate(Map.of(), unknown.calls()));
	}

	@Override
	public String summary(AlertCandidate candidate) {
		return String.format(Locale.ROOT, "%.0f calls of tools that do not exist", candidate.value());
	}

	@Override
	public String description(AlertCandidate candidate) {
		return "Clients called tools this server does not have " + String.format(Locale.ROOT, "%.0f",
				candidate.value()) + " times in the last " + this.window.toMinutes() + " minutes (tools/call of "
				+ UNKNOWN_TOOL + " on mcp_server_operation_duration_seconds_count). A client works from a stale or"
				+ " invented tool list: check which clients call (mcp_server_client_requests_total when enabled) and"
				+ " what tools/list answers them.";
	}

}
