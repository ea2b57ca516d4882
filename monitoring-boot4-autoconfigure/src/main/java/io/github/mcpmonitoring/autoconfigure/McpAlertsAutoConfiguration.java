package io.github.mcpmonitoring.autoconfigure;

import io.github.mcpmonitoring.alerts.AlertRule;
import io.github.mcpmonitoring.alerts.rules.CumulativeHistogramFilter;
import io.github.mcpmonitoring.core.MonitoringScheduler;
import io.github.mcpmonitoring.errors.RecentErrors;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MeterRegistryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * {@link AutoConfiguration Auto-configuration} of the in-process alert evaluator: the built-in rules and the
 * application's own {@link AlertRule} beans, evaluated on the starter's scheduler; delivery to the log, application
 * events, and optionally a webhook and Alertmanager; the {@code alerts} health component.
 */
@AutoConfiguration(before = HealthContributorAutoConfiguration.class,
		after = { McpMonitoringAutoConfiguration.class, McpSystemMemoryAutoConfiguration.class })
@ConditionalOnClass(MeterRegistryCustomizer.class)
@ConditionalOnBean({ MeterRegistry.class, RecentErrors.class, MonitoringScheduler.class })
@ConditionalOnProperty(prefix = "mcp.monitoring.alerts", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(McpAlertsProperties.class)
@Import(McpAlertsConfiguration.class)
public class McpAlertsAutoConfiguration {

	@Bean
	public MeterRegistryCustomizer<SimpleMeterRegistry> mcpCumulativeHistograms() {
		// Applications that turn Prometheus off fall back to the simple registry, which rolls histogram buckets.
		return (registry) -> registry.config().meterFilter(new CumulativeHistogramFilter());
	}

}
