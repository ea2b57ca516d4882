package io.github.mcpmonitoring.autoconfigure;

import io.github.mcpmonitoring.core.MonitoringScheduler;
import io.github.mcpmonitoring.system.ContainerMemory;
import io.github.mcpmonitoring.system.SystemMemory;
import io.github.mcpmonitoring.system.SystemMemoryMetrics;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link AutoConfiguration Auto-configuration} of the machine's memory, read through OSHI off the main thread once
 * the application has started, and its gauges.
 */
@AutoConfiguration(after = McpMonitoringAutoConfiguration.class)
@ConditionalOnClass(name = "oshi.SystemInfo")
@ConditionalOnBean(MonitoringScheduler.class)
public class McpSystemMemoryAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	public SystemMemory mcpSystemMemory(AfterRefreshExecutor mcpAfterRefreshExecutor) {
		return new SystemMemory(mcpAfterRefreshExecutor, new ContainerMemory());
	}

	@Bean
	AfterRefreshExecutor mcpAfterRefreshExecutor(MonitoringScheduler scheduler) {
		return new AfterRefreshExecutor((task) -> scheduler.execute("OSHI initialisation", task));
	}

	@Bean
	@ConditionalOnMissingBean
	public SystemMemoryMetrics mcpSystemMemoryMetrics(SystemMemory systemMemory) {
		return new SystemMemoryMetrics(systemMemory);
	}

}
