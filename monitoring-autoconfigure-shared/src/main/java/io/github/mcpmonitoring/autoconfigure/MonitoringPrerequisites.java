package io.github.mcpmonitoring.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.util.ClassUtils;

/**
 * Says once, when the application has started its singletons, why the starter records nothing or less than usual:
 * the application runs on the other Spring Boot generation, or has no Micrometer, no actuator or no MCP server.
 * Without it, every auto-configuration of the starter would back off without a word.
 */
class MonitoringPrerequisites implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(MonitoringPrerequisites.class);

	private static final String METER_REGISTRY = "io.micrometer.core.instrument.MeterRegistry";

	private static final List<String> MCP_SERVERS = List.of("io.modelcontextprotocol.server.McpSyncServer",
			"io.modelcontextprotocol.server.McpAsyncServer", "io.modelcontextprotocol.server.McpStatelessSyncServer",
			"io.modelcontextprotocol.server.McpStatelessAsyncServer");

	private final ClassLoader classLoader;

	private final ListableBeanFactory beanFactory;

	private final boolean monitoringSwitchedOff;

	private final boolean mcpServerSwitchedOff;

	/**
	 * Create the check.
	 * @param classLoader the application's class loader
	 * @param beanFactory where the MCP server beans are
	 * @param monitoringSwitchedOff whether the application switched the starter off by its property: nothing is
	 * said then
	 * @param mcpServerSwitchedOff whether the application switched Spring AI's MCP server off by its property: no
	 * server is then expected
	 */
	MonitoringPrerequisites(ClassLoader classLoader, ListableBeanFactory beanFactory, boolean monitoringSwitchedOff,
			boolean mcpServerSwitchedOff) {
		this.classLoader = classLoader;
		this.beanFactory = beanFactory;
		this.monitoringSwitchedOff = monitoringSwitchedOff;
		this.mcpServerSwitchedOff = mcpServerSwitchedOff;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (this.monitoringSwitchedOff) {
			return;
		}
		if (!OnBootGenerationCondition.runsOnThisGeneration(this.classLoader)) {
			logger.warn("MCP monitoring is off: " + BootGeneration.ARTIFACT + " is built for " + BootGeneration.NAME
					+ " but this application runs on " + BootGeneration.OTHER_NAME + ", so the starter stays out of"
					+ " the way. Depend on " + BootGeneration.OTHER_STARTER + " instead.");
			return;
		}
		List<String> missing = missingLibraries();
		if (!missing.isEmpty()) {
			logger.warn("MCP monitoring is off: this application has no " + String.join(" and no ", missing)
					+ ", so the starter stays out of the way. Add what is missing, or depend on " + BootGeneration.STARTER
					+ ", which brings them.");
			return;
		}
		if (!hasMcpServer()) {
			String message = "MCP monitoring records no tool calls: this application has no MCP server (no server"
					+ " bean of a Spring AI MCP server starter). Upstream API calls, health and alerts are monitored"
					+ " as configured.";
			if (this.mcpServerSwitchedOff) {
				// The application switched its server off on purpose (a profile, a worker instance): nothing to fix.
				logger.info(message);
			}
			else {
				logger.warn(message);
			}
		}
	}

	private List<String> missingLibraries() {
		List<String> missing = new ArrayList<>();
		if (!isPresent(METER_REGISTRY)) {
			missing.add("Micrometer (io.micrometer:micrometer-core)");
		}
		if (!isPresent(BootGeneration.METRICS_AUTO_CONFIGURATION)) {
			missing.add("Spring Boot actuator (spring-boot-starter-actuator)");
		}
		return missing;
	}

	private boolean hasMcpServer() {
		for (String server : MCP_SERVERS) {
			if (isPresent(server) && this.beanFactory
				.getBeanNamesForType(ClassUtils.resolveClassName(server, this.classLoader), true, false).length > 0) {
				return true;
			}
		}
		return false;
	}

	private boolean isPresent(String className) {
		return ClassUtils.isPresent(className, this.classLoader);
	}

}
