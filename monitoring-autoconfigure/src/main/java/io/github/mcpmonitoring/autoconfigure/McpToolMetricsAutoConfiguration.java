package io.github.mcpmonitoring.autoconfigure;

import io.github.mcpmonitoring.core.ToolCallMetrics;
import io.github.mcpmonitoring.core.ToolRefinements;
import io.github.mcpmonitoring.mcp.ToolSpecificationInstrumenter;
import io.github.mcpmonitoring.mcp.ToolSpecificationsPostProcessor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Role;

/**
 * {@link AutoConfiguration Auto-configuration} that records every tool call of an MCP server built from tool
 * specification beans (Spring AI's MCP server starters), with no code from the application.
 */
@AutoConfiguration(after = McpMonitoringAutoConfiguration.class)
@ConditionalOnClass(name = { "io.modelcontextprotocol.server.McpServerFeatures", "reactor.core.publisher.Mono" })
@ConditionalOnBean(ToolCallMetrics.class)
@ConditionalOnProperty(prefix = "mcp.monitoring.tools", name = "enabled", matchIfMissing = true)
public class McpToolMetricsAutoConfiguration {

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	@ConditionalOnMissingBean
	public static ToolRefinements mcpToolRefinements() {
		return new ToolRefinements();
	}

	@Bean
	@ConditionalOnMissingBean
	public ToolSpecificationInstrumenter mcpToolSpecificationInstrumenter(ToolCallMetrics metrics,
			ToolRefinements refinements, McpMonitoringProperties properties) {
		return SettingKeys.of("mcp.monitoring.tools.slow-threshold")
			.build(() -> new ToolSpecificationInstrumenter(metrics, refinements,
					properties.getTools().getSlowThreshold()));
	}

	@Bean
	public static ToolSpecificationsPostProcessor mcpToolSpecificationsPostProcessor(
			ObjectProvider<ToolSpecificationInstrumenter> instrumenter) {
		return new ToolSpecificationsPostProcessor(instrumenter::getObject);
	}

}
