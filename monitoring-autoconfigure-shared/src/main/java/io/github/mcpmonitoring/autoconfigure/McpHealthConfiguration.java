package io.github.mcpmonitoring.autoconfigure;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;

import io.github.mcpmonitoring.core.MonitoringScheduler;
import io.github.mcpmonitoring.core.PeriodicSnapshot;
import io.github.mcpmonitoring.errors.RecentErrors;
import io.github.mcpmonitoring.errors.RecentErrorsSummary;
import io.github.mcpmonitoring.health.KalturaSessionHealthIndicator;
import io.github.mcpmonitoring.health.MemoryHealthIndicator;
import io.github.mcpmonitoring.health.RecentErrorsHealthIndicator;
import io.github.mcpmonitoring.health.UptimeHealthIndicator;
import io.github.mcpmonitoring.kaltura.KalturaSessionStatus;
import io.github.mcpmonitoring.kaltura.KalturaSessionStatusProvider;
import io.github.mcpmonitoring.system.MemoryStatus;
import io.github.mcpmonitoring.system.MemoryStatusReader;
import io.github.mcpmonitoring.system.SystemMemory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The beans of {@link McpHealthAutoConfiguration}, the same for every Spring Boot generation: the health components
 * {@code uptime}, {@code memory}, {@code recentErrors} and {@code kalturaSession}.
 */
@Configuration(proxyBeanMethods = false)
class McpHealthConfiguration {

	private static final String HEALTH = "mcp.monitoring.health";

	@Bean
	@ConditionalOnEnabledMcpHealthIndicator("uptime")
	@ConditionalOnMissingBean(name = "uptimeHealthIndicator")
	public UptimeHealthIndicator uptimeHealthIndicator() {
		Instant startTime = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
		return new UptimeHealthIndicator(startTime, Clock.systemUTC());
	}

	@Bean
	@ConditionalOnEnabledMcpHealthIndicator("memory")
	@ConditionalOnMissingBean(name = "memoryHealthIndicator")
	@ConditionalOnBean({ SystemMemory.class, MonitoringScheduler.class })
	public MemoryHealthIndicator memoryHealthIndicator(SystemMemory systemMemory, MonitoringScheduler scheduler,
			McpMonitoringProperties properties) {
		McpMonitoringProperties.Health health = properties.getHealth();
		PeriodicSnapshot<MemoryStatus> snapshot = scheduled("memory health",
				new PeriodicSnapshot<>(new MemoryStatusReader(systemMemory), Clock.systemUTC()), scheduler, health);
		return SettingKeys.under(HEALTH)
			.with("warningThreshold", HEALTH + ".memory.warning-threshold")
			.with("criticalThreshold", HEALTH + ".memory.critical-threshold")
			.build(() -> new MemoryHealthIndicator(snapshot, health.getStaleAfter(),
					health.getMemory().getWarningThreshold(), health.getMemory().getCriticalThreshold()));
	}

	@Bean
	@ConditionalOnEnabledMcpHealthIndicator("recenterrors")
	@ConditionalOnMissingBean(name = "recentErrorsHealthIndicator")
	@ConditionalOnBean({ RecentErrors.class, MonitoringScheduler.class })
	public RecentErrorsHealthIndicator recentErrorsHealthIndicator(RecentErrors recentErrors,
			MonitoringScheduler scheduler, McpMonitoringProperties properties) {
		McpMonitoringProperties.Health health = properties.getHealth();
		Clock clock = Clock.systemUTC();
		Supplier<RecentErrorsSummary> summaries = SettingKeys.under(HEALTH + ".recent-errors")
			.build(() -> recentErrors.summaries(health.getRecentErrors().getWindow(), clock));
		PeriodicSnapshot<RecentErrorsSummary> snapshot = scheduled("recent errors health",
				new PeriodicSnapshot<>(summaries, clock), scheduler, health);
		return SettingKeys.under(HEALTH)
			.with("criticalCount", HEALTH + ".recent-errors.critical-count")
			.build(() -> new RecentErrorsHealthIndicator(snapshot, health.getStaleAfter(),
					health.getRecentErrors().getCriticalCount(), recentErrors.capacity()));
	}

	@Bean
	@ConditionalOnEnabledMcpHealthIndicator("kalturasession")
	@ConditionalOnMissingBean(name = "kalturaSessionHealthIndicator")
	@ConditionalOnBean({ KalturaSessionStatusProvider.class, MonitoringScheduler.class })
	public KalturaSessionHealthIndicator kalturaSessionHealthIndicator(KalturaSessionStatusProvider provider,
			MonitoringScheduler scheduler, McpMonitoringProperties properties) {
		McpMonitoringProperties.Health health = properties.getHealth();
		PeriodicSnapshot<KalturaSessionStatus> snapshot = scheduled("Kaltura session health",
				new PeriodicSnapshot<>(provider::currentStatus, Clock.systemUTC()), scheduler, health);
		return SettingKeys.under(HEALTH)
			.build(() -> new KalturaSessionHealthIndicator(snapshot, health.getStaleAfter()));
	}

	private static <T> PeriodicSnapshot<T> scheduled(String name, PeriodicSnapshot<T> snapshot,
			MonitoringScheduler scheduler, McpMonitoringProperties.Health health) {
		return SettingKeys.of(HEALTH + ".refresh-interval")
			.build(() -> snapshot.scheduleOn(name, scheduler, health.getRefreshInterval()));
	}

}
