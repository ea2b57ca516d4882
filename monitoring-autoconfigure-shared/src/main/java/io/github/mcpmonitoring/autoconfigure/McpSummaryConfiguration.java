package io.github.mcpmonitoring.autoconfigure;

import java.time.Duration;

import io.github.mcpmonitoring.alerts.AlertEvaluator;
import io.github.mcpmonitoring.alerts.rules.MeterHistory;
import io.github.mcpmonitoring.core.ApiCallMetrics;
import io.github.mcpmonitoring.errors.RecentErrors;
import io.github.mcpmonitoring.summary.McpSummary;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one {@link McpSummary} the {@code mcp} endpoint and the status page both read, imported by both
 * auto-configurations.
 */
@Configuration(proxyBeanMethods = false)
class McpSummaryConfiguration {

	@Bean
	@ConditionalOnMissingBean
	public McpSummary mcpSummary(MeterRegistry registry, ApiCallMetrics apiMetrics, RecentErrors recentErrors,
			ObjectProvider<MeterHistory> history, ObjectProvider<AlertEvaluator> evaluator,
			ObjectProvider<McpAlertsProperties> alertsProperties) {
		// The window of the tool error-rate rule, so that the summary and the alert describe the same calls.
		McpAlertsProperties alerts = alertsProperties.getIfAvailable();
		Duration window = (alerts != null) ? alerts.getRules().getToolErrorRate().getWindow() : null;
		return new McpSummary(registry, apiMetrics, recentErrors, history.getIfAvailable(), window,
				evaluator.getIfAvailable());
	}

}
