package io.github.mcpmonitoring.autoconfigure;

import java.time.Clock;
import java.time.Duration;

import io.github.mcpmonitoring.core.ApiCallMetrics;
import io.github.mcpmonitoring.core.MonitoringScheduler;
import io.github.mcpmonitoring.endpoint.McpStatusEndpoint;
import io.github.mcpmonitoring.errors.RecentErrors;
import io.github.mcpmonitoring.summary.ActivityHistory;
import io.github.mcpmonitoring.summary.McpStatus;
import io.github.mcpmonitoring.summary.McpSummary;
import io.github.mcpmonitoring.summary.ProcessFigures;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * {@link AutoConfiguration Auto-configuration} of the status page, the {@code mcpstatus} actuator endpoint: served
 * only when the application exposes it, on the actuator's port and base path, over the same summary as the
 * {@code mcp} endpoint and the per-minute activity its charts show.
 */
@AutoConfiguration(after = { McpMonitoringAutoConfiguration.class, McpAlertsAutoConfiguration.class })
@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.web.annotation.WebEndpoint")
@ConditionalOnProperty(prefix = "mcp.monitoring.status-page", name = "enabled", matchIfMissing = true)
@ConditionalOnAvailableEndpoint(McpStatusEndpoint.class)
@ConditionalOnBean({ MeterRegistry.class, ApiCallMetrics.class, RecentErrors.class, MonitoringScheduler.class })
@EnableConfigurationProperties(McpStatusPageProperties.class)
@Import(McpSummaryConfiguration.class)
public class McpStatusPageAutoConfiguration {

	private static final Duration STEP = Duration.ofMinutes(1);

	@Bean
	@ConditionalOnMissingBean
	public ActivityHistory mcpActivityHistory(MeterRegistry registry, McpStatusPageProperties properties,
			MonitoringScheduler scheduler) {
		ActivityHistory history = SettingKeys.of("mcp.monitoring.status-page.history-span")
			.build(() -> new ActivityHistory(registry, Clock.systemUTC(), STEP, properties.getHistorySpan()));
		scheduler.scheduleWithFixedDelay("status page activity", history::sample, STEP);
		return history;
	}

	@Bean
	@ConditionalOnMissingBean
	public McpStatusEndpoint mcpStatusEndpoint(McpSummary summary, ActivityHistory activity, MeterRegistry registry,
			McpStatusPageProperties properties) {
		McpStatus status = new McpStatus(summary, activity, new ProcessFigures(registry), Clock.systemUTC());
		return SettingKeys.of("mcp.monitoring.status-page.refresh-interval")
			.build(() -> new McpStatusEndpoint(status, properties.getRefreshInterval()));
	}

}
