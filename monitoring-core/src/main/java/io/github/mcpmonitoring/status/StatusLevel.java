package io.github.mcpmonitoring.status;

/**
 * The {@code level} detail of the starter's health components.
 */
final class StatusLevel {

	static final String KEY = "level";

	static final String OK = "ok";

	static final String WARNING = "warning";

	static final String CRITICAL = "critical";

	private StatusLevel() {
	}

	static ComponentStatus.Builder up(String level) {
		return ComponentStatus.status(ComponentStatus.UP).withDetail(KEY, level);
	}

}
