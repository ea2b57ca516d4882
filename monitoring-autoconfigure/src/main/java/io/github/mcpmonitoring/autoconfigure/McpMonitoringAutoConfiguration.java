package io.github.mcpmonitoring.autoconfigure;

import io.github.mcpmonitoring.core.ApiCallMetrics;
import io.github.mcpmonitoring.core.ErrorTypeCardinalityFilter;
import io.github.mcpmonitoring.core.ToolCallMetrics;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * {@link AutoConfiguration Auto-configuration} of the meters that record MCP tool calls and upstream API calls.
 */
@AutoConfiguration(after = { MetricsAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class })
@ConditionalOnClass({ MeterRegistry.class, MetricsAutoConfiguration.class })
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnProperty(prefix = "mcp.monitoring", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(McpMonitoringProperties.class)
public class McpMonitoringAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	public ToolCallMetrics mcpToolCallMetrics(MeterRegistry registry, McpMonitoringProperties properties) {
		return new ToolCallMetrics(registry, properties.getSlowCallLogInterval());
	}

	@Bean
	@ConditionalOnMissingBean
	public ApiCallMetrics mcpApiCallMetrics(MeterRegistry registry, McpMonitoringProperties properties) {
		return new ApiCallMetrics(registry, properties.getSlowCallLogInterval());
	}

	@Bean
	@ConditionalOnMissingBean
	public ErrorTypeCardinalityFilter mcpErrorTypeCardinalityFilter(McpMonitoringProperties properties) {
		return new ErrorTypeCardinalityFilter(properties.getMaxErrorTypes());
	}

}
