package io.github.mcpmonitoring.autoconfigure;

import io.github.mcpmonitoring.core.ApiCallMetrics;
import io.github.mcpmonitoring.endpoint.McpEndpoint;
import io.github.mcpmonitoring.errors.RecentErrors;
import io.github.mcpmonitoring.summary.McpSummary;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * {@link AutoConfiguration Auto-configuration} of the {@code mcp} actuator endpoint, with or without the alert
 * evaluator: its alerts and windowed figures show when the evaluator runs.
 */
@AutoConfiguration(after = { McpMonitoringAutoConfiguration.class, McpAlertsAutoConfiguration.class })
@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
@ConditionalOnAvailableEndpoint(McpEndpoint.class)
@ConditionalOnBean({ MeterRegistry.class, ApiCallMetrics.class, RecentErrors.class })
@Import(McpSummaryConfiguration.class)
public class McpEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	public McpEndpoint mcpEndpoint(McpSummary summary) {
		return new McpEndpoint(summary);
	}

}
