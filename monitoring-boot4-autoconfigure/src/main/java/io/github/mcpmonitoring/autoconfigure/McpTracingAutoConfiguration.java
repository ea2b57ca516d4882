package io.github.mcpmonitoring.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;

/**
 * {@link AutoConfiguration Auto-configuration} of the starter's spans of MCP requests and {@code @MonitoredApiCall}
 * methods when the application has a tracer, and of the access log when it is switched on.
 */
@AutoConfiguration(after = { ObservationAutoConfiguration.class, MicrometerTracingAutoConfiguration.class,
		MetricsAutoConfiguration.class })
@Conditional(OnBootGenerationCondition.class)
@ConditionalOnProperty(prefix = "mcp.monitoring", name = "enabled", matchIfMissing = true)
@Import(McpTracingConfiguration.class)
public class McpTracingAutoConfiguration {

}
