package io.github.mcpmonitoring.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Configuration properties of the MCP monitoring starter. Ranges are checked when a value is set; rules that tie two
 * properties together are checked once all are bound, and a violation fails startup naming the properties.
 */
@ConfigurationProperties("mcp.monitoring")
public class McpMonitoringProperties implements Validator {

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

	private final Health health = new Health();

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

	public Health getHealth() {
		return this.health;
	}

	@Override
	public boolean supports(Class<?> type) {
		return McpMonitoringProperties.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		Health health = ((McpMonitoringProperties) target).getHealth();
		if (health.getMemory().getWarningThreshold() > health.getMemory().getCriticalThreshold()) {
			errors.rejectValue("health.memory.warningThreshold", "aboveCritical",
					"'mcp.monitoring.health.memory.warning-threshold' must not be above"
							+ " 'mcp.monitoring.health.memory.critical-threshold'");
		}
		if (health.getStaleAfter().compareTo(health.getRefreshInterval()) <= 0) {
			errors.rejectValue("health.staleAfter", "notAboveRefreshInterval",
					"'mcp.monitoring.health.stale-after' must be longer than"
							+ " 'mcp.monitoring.health.refresh-interval'");
		}
		// The buffer never holds more failures than its capacity: a higher count could never be reached.
		if (health.getRecentErrors().getCriticalCount() > health.getRecentErrors().getCapacity()) {
			errors.rejectValue("health.recentErrors.criticalCount", "aboveCapacity",
					"'mcp.monitoring.health.recent-errors.critical-count' must not be above"
							+ " 'mcp.monitoring.health.recent-errors.capacity'");
		}
	}

	private static void requireNonNegative(Duration duration, String property) {
		if (duration == null || duration.isNegative()) {
			throw new IllegalArgumentException("'" + property + "' must be zero or positive");
		}
	}

	private static void requirePositive(Duration duration, String property) {
		if (duration == null || duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException("'" + property + "' must be positive");
		}
	}

	private static void requireRatio(double ratio, String property) {
		if (!(ratio >= 0 && ratio <= 1)) {
			throw new IllegalArgumentException("'" + property + "' must be between 0 and 1");
		}
	}

	private static void requireAtLeast(int value, int minimum, String property) {
		if (value < minimum) {
			throw new IllegalArgumentException("'" + property + "' must be at least " + minimum);
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

		/**
		 * Whether a call of an @McpTool or @Tool method that throws is recorded with the exception's class as
		 * error.type rather than tool_error. The MCP frameworks turn the exception into an error result inside their
		 * own callback, so this puts a Spring AOP proxy on the beans of these methods.
		 */
		private boolean exceptionTypes = true;

		/**
		 * Time between two looks for the tool calls in flight. The in-flight meter counts the calls open at the last
		 * look that are still open, with their age from that look: a call longer than twice this interval always
		 * shows, and its age is short by at most this interval; a call that ends just as a look finds it may stay
		 * counted until the next look. Zero counts every call from its start, at the cost of a long-task timer
		 * sample (about 150 ns and 90 bytes) per call.
		 */
		private Duration inFlightSamplingInterval = Duration.ofMillis(100);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public boolean isExceptionTypes() {
			return this.exceptionTypes;
		}

		public void setExceptionTypes(boolean exceptionTypes) {
			this.exceptionTypes = exceptionTypes;
		}

		public Duration getSlowThreshold() {
			return this.slowThreshold;
		}

		public void setSlowThreshold(Duration slowThreshold) {
			requireNonNegative(slowThreshold, "mcp.monitoring.tools.slow-threshold");
			this.slowThreshold = slowThreshold;
		}

		public Duration getInFlightSamplingInterval() {
			return this.inFlightSamplingInterval;
		}

		public void setInFlightSamplingInterval(Duration inFlightSamplingInterval) {
			requireNonNegative(inFlightSamplingInterval, "mcp.monitoring.tools.in-flight-sampling-interval");
			this.inFlightSamplingInterval = inFlightSamplingInterval;
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

	/**
	 * Health indicators: uptime, memory, recent errors and Kaltura session.
	 */
	public static class Health {

		/**
		 * How often the health snapshots (memory, recent errors, Kaltura session) are recomputed, off the request
		 * thread.
		 */
		private Duration refreshInterval = Duration.ofSeconds(10);

		/**
		 * Age beyond which a health snapshot is not trusted and its component reports UNKNOWN.
		 */
		private Duration staleAfter = Duration.ofMinutes(1);

		private final Memory memory = new Memory();

		private final RecentErrors recentErrors = new RecentErrors();

		public Duration getRefreshInterval() {
			return this.refreshInterval;
		}

		public void setRefreshInterval(Duration refreshInterval) {
			requirePositive(refreshInterval, "mcp.monitoring.health.refresh-interval");
			this.refreshInterval = refreshInterval;
		}

		public Duration getStaleAfter() {
			return this.staleAfter;
		}

		public void setStaleAfter(Duration staleAfter) {
			requirePositive(staleAfter, "mcp.monitoring.health.stale-after");
			this.staleAfter = staleAfter;
		}

		public Memory getMemory() {
			return this.memory;
		}

		public RecentErrors getRecentErrors() {
			return this.recentErrors;
		}

	}

	/**
	 * Memory health: the higher of the heap (after garbage collection) and system or container used ratios.
	 */
	public static class Memory {

		/**
		 * Used memory ratio from which the memory component reports level warning.
		 */
		private double warningThreshold = 0.80;

		/**
		 * Used memory ratio from which the memory component reports DOWN with level critical.
		 */
		private double criticalThreshold = 0.90;

		public double getWarningThreshold() {
			return this.warningThreshold;
		}

		public void setWarningThreshold(double warningThreshold) {
			requireRatio(warningThreshold, "mcp.monitoring.health.memory.warning-threshold");
			this.warningThreshold = warningThreshold;
		}

		public double getCriticalThreshold() {
			return this.criticalThreshold;
		}

		public void setCriticalThreshold(double criticalThreshold) {
			requireRatio(criticalThreshold, "mcp.monitoring.health.memory.critical-threshold");
			this.criticalThreshold = criticalThreshold;
		}

	}

	/**
	 * Recent errors: the bounded buffer of failed tool and API calls and its health component.
	 */
	public static class RecentErrors {

		/**
		 * Number of recent failures kept in memory; no count of recent failures can exceed it.
		 */
		private int capacity = 1000;

		/**
		 * Time window the recentErrors component counts failures in.
		 */
		private Duration window = Duration.ofHours(1);

		/**
		 * Failures in the window from which the recentErrors component reports DOWN with level critical; not above the
		 * capacity.
		 */
		private int criticalCount = 10;

		/**
		 * Maximum length of a kept failure message; longer ones are truncated.
		 */
		private int messageMaxLength = 200;

		/**
		 * Literal values, such as API secrets, removed from failure messages before they are kept. Values that
		 * look like session keys or other long tokens are always removed.
		 */
		private List<String> redactedValues = new ArrayList<>();

		public int getCapacity() {
			return this.capacity;
		}

		public void setCapacity(int capacity) {
			requireAtLeast(capacity, 1, "mcp.monitoring.health.recent-errors.capacity");
			this.capacity = capacity;
		}

		public Duration getWindow() {
			return this.window;
		}

		public void setWindow(Duration window) {
			requirePositive(window, "mcp.monitoring.health.recent-errors.window");
			this.window = window;
		}

		public int getCriticalCount() {
			return this.criticalCount;
		}

		public void setCriticalCount(int criticalCount) {
			requireAtLeast(criticalCount, 1, "mcp.monitoring.health.recent-errors.critical-count");
			this.criticalCount = criticalCount;
		}

		public int getMessageMaxLength() {
			return this.messageMaxLength;
		}

		public void setMessageMaxLength(int messageMaxLength) {
			requireAtLeast(messageMaxLength, 16, "mcp.monitoring.health.recent-errors.message-max-length");
			this.messageMaxLength = messageMaxLength;
		}

		public List<String> getRedactedValues() {
			return this.redactedValues;
		}

		public void setRedactedValues(List<String> redactedValues) {
			this.redactedValues = (redactedValues != null) ? redactedValues : new ArrayList<>();
		}

	}

}
