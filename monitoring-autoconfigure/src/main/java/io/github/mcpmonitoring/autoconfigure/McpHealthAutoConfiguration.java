package io.github.mcpmonitoring.autoconfigure;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.github.mcpmonitoring.core.MonitoringScheduler;
import io.github.mcpmonitoring.core.PeriodicSnapshot;
import io.github.mcpmonitoring.errors.RecentErrors;
import io.github.mcpmonitoring.health.KalturaSessionHealthIndicator;
import io.github.mcpmonitoring.health.MemoryHealthIndicator;
import io.github.mcpmonitoring.health.RecentErrorsHealthIndicator;
import io.github.mcpmonitoring.health.UptimeHealthIndicator;
import io.github.mcpmonitoring.kaltura.KalturaSessionStatusProvider;
import io.github.mcpmonitoring.system.MemoryStatusReader;
import io.github.mcpmonitoring.system.SystemMemory;

import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.autoconfigure.health.HealthContributorAutoConfiguration;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

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
public class McpHealthAutoConfiguration {

	@Bean
	@ConditionalOnEnabledHealthIndicator("uptime")
	@ConditionalOnMissingBean(name = "uptimeHealthIndicator")
	public UptimeHealthIndicator uptimeHealthIndicator() {
		Instant startTime = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
		return new UptimeHealthIndicator(startTime, Clock.systemUTC());
	}

	@Bean
	@ConditionalOnEnabledHealthIndicator("memory")
	@ConditionalOnMissingBean(name = "memoryHealthIndicator")
	@ConditionalOnBean({ SystemMemory.class, MonitoringScheduler.class })
	public MemoryHealthIndicator memoryHealthIndicator(SystemMemory systemMemory, MonitoringScheduler scheduler,
			McpMonitoringProperties properties) {
		McpMonitoringProperties.Health health = properties.getHealth();
		return new MemoryHealthIndicator(
				new PeriodicSnapshot<>(new MemoryStatusReader(systemMemory), Clock.systemUTC())
					.scheduleOn("memory health", scheduler, health.getRefreshInterval()),
				health.getStaleAfter(), health.getMemory().getWarningThreshold(),
				health.getMemory().getCriticalThreshold());
	}

	@Bean
	@ConditionalOnEnabledHealthIndicator("recenterrors")
	@ConditionalOnMissingBean(name = "recentErrorsHealthIndicator")
	@ConditionalOnBean({ RecentErrors.class, MonitoringScheduler.class })
	public RecentErrorsHealthIndicator recentErrorsHealthIndicator(RecentErrors recentErrors,
			MonitoringScheduler scheduler, McpMonitoringProperties properties) {
		McpMonitoringProperties.Health health = properties.getHealth();
		Clock clock = Clock.systemUTC();
		Duration window = health.getRecentErrors().getWindow();
		return new RecentErrorsHealthIndicator(
				new PeriodicSnapshot<>(() -> recentErrors.summarize(clock.instant(), window), clock)
					.scheduleOn("recent errors health", scheduler, health.getRefreshInterval()),
				health.getStaleAfter(), health.getRecentErrors().getCriticalCount());
	}

	@Bean
	@ConditionalOnEnabledHealthIndicator("kalturasession")
	@ConditionalOnMissingBean(name = "kalturaSessionHealthIndicator")
	@ConditionalOnBean({ KalturaSessionStatusProvider.class, MonitoringScheduler.class })
	public KalturaSessionHealthIndicator kalturaSessionHealthIndicator(KalturaSessionStatusProvider provider,
			MonitoringScheduler scheduler, McpMonitoringProperties properties) {
		McpMonitoringProperties.Health health = properties.getHealth();
		return new KalturaSessionHealthIndicator(
				new PeriodicSnapshot<>(provider::currentStatus, Clock.systemUTC())
					.scheduleOn("Kaltura session health", scheduler, health.getRefreshInterval()),
				health.getStaleAfter());
	}

}
