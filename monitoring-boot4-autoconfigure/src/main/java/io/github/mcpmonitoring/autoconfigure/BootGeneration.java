package io.github.mcpmonitoring.autoconfigure;

/**
 * The Spring Boot generation this jar is built for, by name only, so that the code both glue jars share can tell
 * the generations apart without loading a class that moved between them.
 */
final class BootGeneration {

	/** Whether this jar is built for Spring Boot 4. */
	static final boolean BOOT_4 = true;

	/** This generation, as messages name it. */
	static final String NAME = "Spring Boot 4";

	/** This jar's artifact. */
	static final String ARTIFACT = "io.github.mcpmonitoring:mcp-monitoring-spring-boot4-autoconfigure";

	/** The starter that brings this jar with what it adapts to. */
	static final String STARTER = "io.github.mcpmonitoring:mcp-monitoring-spring-boot4-starter";

	/** The other generation, as messages name it. */
	static final String OTHER_NAME = "Spring Boot 3.5";

	/** The starter an application of the other generation uses instead. */
	static final String OTHER_STARTER = "io.github.mcpmonitoring:mcp-monitoring-spring-boot-starter";

	/** Boot's health indicator type in this generation. */
	static final String HEALTH_INDICATOR = "org.springframework.boot.health.contributor.HealthIndicator";

	/** Boot's metrics auto-configuration in this generation. */
	static final String METRICS_AUTO_CONFIGURATION = "org.springframework.boot.micrometer.metrics.autoconfigure."
			+ "MetricsAutoConfiguration";

	private BootGeneration() {
	}

}
