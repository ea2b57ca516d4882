package io.github.mcpmonitoring.health;

/**
 * The {@code level} detail of the starter's health components.
 */
final class HealthLevel {

	static final String KEY = "level";

	static final String OK = "ok";

	static final String WARNING = "warning";

	static final String CRITICAL = "critical";

	private HealthLevel() {
	}

}
