package io.github.mcpmonitoring.autoconfigure;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the MCP monitoring starter.
 */
@ConfigurationProperties("mcp.monitoring")
public class McpMonitoringProperties {

	/**
	 * Whether MCP monitoring is enabled.
	 */
	private boolean enabled = true;

	/**
	 * Maximum number of distinct exception types recorded as error.type on the MCP meters; further types are recorded
	 * as 'other'.
	 */
	private int maxErrorTypes = 50;

	/**
	 * Minimum time between two slow-call log lines of the same tool or API.
	 */
	private Duration slowCallLogInterval = Duration.ofMinutes(1);

	private final Tools tools = new Tools();

	private final Api api = new Api();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public int getMaxErrorTypes() {
		return this.maxErrorTypes;
	}

	public void setMaxErrorTypes(int maxErrorTypes) {
		if (maxErrorTypes < 1) {
			throw new IllegalArgumentException("'mcp.monitoring.max-error-types' must be at least 1");
		}
		this.maxErrorTypes = maxErrorTypes;
	}

	public Duration getSlowCallLogInterval() {
		return this.slowCallLogInterval;
	}

	public void setSlowCallLogInterval(Duration slowCallLogInterval) {
		requireNonNegative(slowCallLogInterval, "mcp.monitoring.slow-call-log-interval");
		this.slowCallLogInterval = slowCallLogInterval;
	}

	public Tools getTools() {
		return this.tools;
	}

	public Api getApi() {
		return this.api;
	}

	private static void requireNonNegative(Duration duration, String property) {
		if (duration == null || duration.isNegative()) {
			throw new IllegalArgumentException("'" + property + "' must be zero or positive");
		}
	}

	/**
	 * Monitoring of MCP tool calls.
	 */
	public static class Tools {

		/**
		 * Whether every tool call the MCP server handles is recorded, without annotations.
		 */
		private boolean enabled = true;

		/**
		 * Duration above which a tool call is counted and logged as slow, unless its @MonitoredTool annotation sets
		 * another threshold.
		 */
		private Duration slowThreshold = Duration.ofSeconds(10);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Duration getSlowThreshold() {
			return this.slowThreshold;
		}

		public void setSlowThreshold(Duration slowThreshold) {
			requireNonNegative(slowThreshold, "mcp.monitoring.tools.slow-threshold");
			this.slowThreshold = slowThreshold;
		}

	}

	/**
	 * Monitoring of upstream API calls made through @MonitoredApiCall methods.
	 */
	public static class Api {

		/**
		 * Duration above which an upstream API call is counted and logged as slow, unless its @MonitoredApiCall
		 * annotation sets another threshold.
		 */
		private Duration slowThreshold = Duration.ofSeconds(5);

		public Duration getSlowThreshold() {
			return this.slowThreshold;
		}

		public void setSlowThreshold(Duration slowThreshold) {
			requireNonNegative(slowThreshold, "mcp.monitoring.api.slow-threshold");
			this.slowThreshold = slowThreshold;
		}

	}

}
