package io.github.mcpmonitoring.autoconfigure;

import io.github.mcpmonitoring.core.ToolCallMetrics;
import io.github.mcpmonitoring.mcp.InstrumentedToolListener;
import io.github.mcpmonitoring.mcp.ToolResultSizes;
import io.github.mcpmonitoring.mcp.ToolSpecificationInstrumenter;
import io.github.mcpmonitoring.mcp.ToolSpecificationsPostProcessor;
import io.github.mcpmonitoring.toolcall.ToolCalls;
import io.micrometer.core.instrument.MeterRegistry;

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

	/**
	 * Where each tool call is counted once; an infrastructure bean with its metrics supplied lazily, because the
	 * advisor of annotated tool methods, created before the other post-processors, needs it.
	 * @param metrics supplies the tool call metrics
	 * @return the tool calls
	 */
	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	@ConditionalOnMissingBean
	public static ToolCalls mcpToolCalls(ObjectProvider<ToolCallMetrics> metrics) {
		return new ToolCalls(metrics::getObject);
	}

	@Bean
	@ConditionalOnMissingBean
	public ToolSpecificationInstrumenter mcpToolSpecificationInstrumenter(ToolCalls toolCalls,
			McpMonitoringProperties properties, ObjectProvider<InstrumentedToolListener> listeners,
			ObjectProvider<ToolResultSizes> resultSizes) {
		return SettingKeys.of("mcp.monitoring.tools.slow-threshold")
			.build(() -> new ToolSpecificationInstrumenter(toolCalls, properties.getTools().getSlowThreshold(),
					listeners.orderedStream().toList(), resultSizes.getIfAvailable()));
	}

	/**
	 * The size of each tool result, {@code mcp.server.tool.result.size}: opt-in, since it adds to the cost of every
	 * tool call.
	 * @param registry the registry
	 * @return the tool result sizes
	 */
	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnProperty(prefix = "mcp.monitoring.tools.result-size", name = "enabled", havingValue = "true")
	public ToolResultSizes mcpToolResultSizes(MeterRegistry registry) {
		return new ToolResultSizes(registry);
	}

	@Bean
	public static ToolSpecificationsPostProcessor mcpToolSpecificationsPostProcessor(
			ObjectProvider<ToolSpecificationInstrumenter> instrumenter) {
		return new ToolSpecificationsPostProcessor(instrumenter::getObject);
	}

}
