package io.github.mcpmonitoring.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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

	/**
	 * Regular expressions that also classify a failed upstream API call (@MonitoredApiCall) as an authentication
	 * failure when its error type or the start of its message contains a match; never applied to tool failures.
	 * Empty for none: authentication failures are then known from the upstream's HTTP status 401 or 403 and from
	 * the application's FailureClassifier beans.
	 */
	private List<String> authFailurePatterns = new ArrayList<>();

	/**
	 * Exception types (fully qualified class names) whose instances, and those of their subtypes, are the client's
	 * mistake: counted with error.origin=client, shown as client errors in recent errors, and left out of error
	 * rates and the recent-errors level. An upstream's HTTP 401 or 403 is an authentication failure even when its
	 * type is listed here.
	 */
	private List<Class<? extends Throwable>> clientErrorTypes = new ArrayList<>();

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
		this.maxErrorTypes = maxErrorTypes;
	}

	public Duration getSlowCallLogInterval() {
		return this.slowCallLogInterval;
	}

	public void setSlowCallLogInterval(Duration slowCallLogInterval) {
		this.slowCallLogInterval = slowCallLogInterval;
	}

	public List<String> getAuthFailurePatterns() {
		return this.authFailurePatterns;
	}

	public void setAuthFailurePatterns(List<String> authFailurePatterns) {
		this.authFailurePatterns = (authFailurePatterns != null) ? authFailurePatterns : new ArrayList<>();
	}

	public List<Class<? extends Throwable>> getClientErrorTypes() {
		return this.clientErrorTypes;
	}

	public void setClientErrorTypes(List<Class<? extends Throwable>> clientErrorTypes) {
		this.clientErrorTypes = (clientErrorTypes != null) ? clientErrorTypes : new ArrayList<>();
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
		 * counted until the next look.
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
			this.slowThreshold = slowThreshold;
		}

		public Duration getInFlightSamplingInterval() {
			return this.inFlightSamplingInterval;
		}

		public void setInFlightSamplingInterval(Duration inFlightSamplingInterval) {
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
			this.refreshInterval = refreshInterval;
		}

		public Duration getStaleAfter() {
			return this.staleAfter;
		}

		public void setStaleAfter(Duration staleAfter) {
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
	 * Memory thresholds of the memory health component and the memory alert rule, on the higher of the heap (after
	 * garbage collection) and system or container used ratios.
	 */
	public static class Memory {

		/**
		 * Used memory ratio from which the memory component reports level warning and above which the memory alert
		 * fires with its rule's severity.
		 */
		private double warningThreshold = 0.80;

		/**
		 * Used memory ratio from which the memory component reports DOWN with level critical and above which the
		 * memory alert is critical; not below the warning threshold.
		 */
		private double criticalThreshold = 0.90;

		public double getWarningThreshold() {
			return this.warningThreshold;
		}

		public void setWarningThreshold(double warningThreshold) {
			this.warningThreshold = warningThreshold;
		}

		public double getCriticalThreshold() {
			return this.criticalThreshold;
		}

		public void setCriticalThreshold(double criticalThreshold) {
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
		 * Time window the recentErrors component and the recent-errors alert rule count failures in.
		 */
		private Duration window = Duration.ofHours(1);

		/**
		 * Failures in the window, client mistakes left out, from which the recentErrors component reports WARNING with
		 * level critical; not above the capacity.
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
			this.capacity = capacity;
		}

		public Duration getWindow() {
			return this.window;
		}

		public void setWindow(Duration window) {
			this.window = window;
		}

		public int getCriticalCount() {
			return this.criticalCount;
		}

		public void setCriticalCount(int criticalCount) {
			this.criticalCount = criticalCount;
		}

		public int getMessageMaxLength() {
			return this.messageMaxLength;
		}

		public void setMessageMaxLength(int messageMaxLength) {
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
