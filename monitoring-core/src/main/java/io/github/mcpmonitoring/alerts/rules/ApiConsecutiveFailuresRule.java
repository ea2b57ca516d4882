package io.github.mcpmonitoring.alerts.rules;

import java.util.Locale;

import io.github.mcpmonitoring.alerts.AlertCandidate;
import io.github.mcpmonitoring.core.McpMeterNames;
import io.github.mcpmonitoring.core.SettingChecks;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code McpApiConsecutiveFailures}: per upstream API, at least the threshold of calls failed in a row
 * ({@code mcp.api.call.consecutive.failures}).
 */
public class ApiConsecutiveFailuresRule extends GaugeThresholdRule {

	/** The id of this rule. */
	public static final String ID = "api-consecutive-failures";

	/**
	 * Create the rule.
	 * @param settings severity, threshold (failures in a row, at least 1, since 0 would hold with no failure at all)
	 * and {@code for}
	 * @param registry where the consecutive-failures gauges are
	 */
	public ApiConsecutiveFailuresRule(RuleSettings settings, MeterRegistry registry) {
		super(ID, "McpApiConsecutiveFailures", settings, registry, McpMeterNames.API_CONSECUTIVE_FAILURES,
				McpMeterNames.TAG_API, true);
		SettingChecks.requireAtLeast("threshold", settings.threshold(), 1.0);
	}

	@Override
	public String summary(AlertCandidate candidate) {
		return String.format(Locale.ROOT, "API %s failed %.0f times in a row", label(candidate, "api"),
				candidate.value());
	}

	@Override
	public String description(AlertCandidate candidate) {
		return "Every recent call to this upstream API failed. See the last error of the API on /actuator/mcp and"
				+ " error_type on mcp_api_call_duration_seconds_count.";
	}

}
