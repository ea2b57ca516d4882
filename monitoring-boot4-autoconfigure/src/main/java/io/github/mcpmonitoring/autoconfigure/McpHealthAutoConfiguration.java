package io.github.mcpmonitoring.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Import;

/**
 * {@link AutoConfiguration Auto-configuration} of the health components {@code uptime}, {@code memory},
 * {@code recentErrors} and {@code kalturaSession}. Checks that cost anything run on the starter's scheduler; the
 * indicators answer from the last result. Each can be switched off with
 * {@code management.health.<id>.enabled=false} and backs off when the application defines a bean of the same name.
 */
@AutoConfiguration(before = HealthContributorAutoConfiguration.class,
		after = { McpMonitoringAutoConfiguration.class, McpSystemMemoryAutoConfiguration.class })
@ConditionalOnClass({ HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnProperty(prefix = "mcp.monitoring", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(McpMonitoringProperties.class)
@Import(McpHealthConfiguration.class)
public class McpHealthAutoConfiguration {

}
