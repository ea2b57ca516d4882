package io.github.mcpmonitoring.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * {@link AutoConfiguration Auto-configuration} of the {@link MonitoringPrerequisites} check that says at startup why
 * the starter stays out of the way. It has no conditions and names no Boot class that moved between generations, so
 * it runs on either generation, where every other auto-configuration of the starter may back off.
 */
@AutoConfiguration
public class McpPrerequisitesAutoConfiguration {

	@Bean
	MonitoringPrerequisites mcpMonitoringPrerequisites(ApplicationContext context, Environment environment) {
		boolean monitoringSwitchedOff = !environment.getProperty("mcp.monitoring.enabled", Boolean.class, true);
		boolean mcpServerSwitchedOff = !environment.getProperty("spring.ai.mcp.server.enabled", Boolean.class, true);
		return new MonitoringPrerequisites(context.getClassLoader(), context, monitoringSwitchedOff,
				mcpServerSwitchedOff);
	}

}
