package io.github.mcpmonitoring.autoconfigure;

import java.time.Duration;

import io.github.mcpmonitoring.alerts.AlertEvaluator;
import io.github.mcpmonitoring.alerts.rules.MeterHistory;
import io.github.mcpmonitoring.core.ApiCallMetrics;
import io.github.mcpmonitoring.endpoint.McpEndpoint;
import io.github.mcpmonitoring.errors.RecentErrors;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link AutoConfiguration Auto-configuration} of the {@code mcp} actuator endpoint, with or without the alert
 * evaluator: its alerts and windowed figures show when the evaluator runs.
 */
@AutoConfiguration(after = { McpMonitoringAutoConfiguration.class, McpAlertsAutoConfiguration.class })
@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
@ConditionalOnAvailableEndpoint(McpEndpoint.class)
@ConditionalOnBean({ MeterRegistry.class, ApiCallMetrics.class, RecentErrors.class })
public class McpEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	public McpEndpoint mcpEndpoint(MeterRegistry registry, ApiCallMetrics apiMetrics, RecentErrors recentErrors,
			ObjectProvider<MeterHistory> history, ObjectProvider<AlertEvaluator> evaluator,
			ObjectProvider<McpAlertsProperties> alertsProperties) {
		// The window of the tool error-rate rule, so that the endpoint and the alert describe the same calls.
		McpAlertsProperties alerts = alertsProperties.getIfAvailable();
		Duration window = (alerts != null) ? alerts.getRules().getToolErrorRate().getWindow() : null;
		return new McpEndpoint(registry, apiMetrics, recentErrors, history.getIfAvailable(), window,
				evaluator.getIfAvailable());
	}

}
