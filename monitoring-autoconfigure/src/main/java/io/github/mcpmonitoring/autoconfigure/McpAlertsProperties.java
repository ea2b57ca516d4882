package io.github.mcpmonitoring.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.mcpmonitoring.alerts.AlertSeverity;
import io.github.mcpmonitoring.errors.AuthenticationFailures;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Configuration properties of the in-process alert evaluator and its delivery channels.
 */
@ConfigurationProperties("mcp.monitoring.alerts")
public class McpAlertsProperties implements Validator {

	/**
	 * Whether the in-process alert evaluator runs.
	 */
	private boolean enabled = true;

	/**
	 * Time between two evaluations of the alert rules.
	 */
	private Duration evaluationInterval = Duration.ofSeconds(15);

	/**
	 * Time between two notifications of an alert that keeps firing.
	 */
	private Duration repeatInterval = Duration.ofHours(1);

	/**
	 * Number of alert state transitions kept for the mcp endpoint.
	 */
	private int historySize = 1000;

	/**
	 * Base URL of the runbooks; the runbook of an alert is this URL followed by the alert name and '.md'. Point it
	 * at where the project's docs/runbooks folder is published.
	 */
	private String runbookBaseUrl = "docs/runbooks/";

	/**
	 * Value of the 'application' label of alerts sent to Alertmanager. Defaults to spring.application.name.
	 */
	private String application;

	/**
	 * Value of the 'instance' label of alerts sent to Alertmanager. Defaults to the host name and server port.
	 */
	private String instance;

	private final Rules rules = new Rules();

	private final Webhook webhook = new Webhook();

	private final Alertmanager alertmanager = new Alertmanager();

	private final Delivery delivery = new Delivery();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Duration getEvaluationInterval() {
		return this.evaluationInterval;
	}

	public void setEvaluationInterval(Duration evaluationInterval) {
		requirePositive(evaluationInterval, "mcp.monitoring.alerts.evaluation-interval");
		this.evaluationInterval = evaluationInterval;
	}

	public Duration getRepeatInterval() {
		return this.repeatInterval;
	}

	public void setRepeatInterval(Duration repeatInterval) {
		requirePositive(repeatInterval, "mcp.monitoring.alerts.repeat-interval");
		this.repeatInterval = repeatInterval;
	}

	public int getHistorySize() {
		return this.historySize;
	}

	public void setHistorySize(int historySize) {
		if (historySize < 1) {
			throw new IllegalArgumentException("'mcp.monitoring.alerts.history-size' must be at least 1");
		}
		this.historySize = historySize;
	}

	public String getRunbookBaseUrl() {
		return this.runbookBaseUrl;
	}

	public void setRunbookBaseUrl(String runbookBaseUrl) {
		this.runbookBaseUrl = runbookBaseUrl;
	}

	public String getApplication() {
		return this.application;
	}

	public void setApplication(String application) {
		this.application = application;
	}

	public String getInstance() {
		return this.instance;
	}

	public void setInstance(String instance) {
		this.instance = instance;
	}

	public Rules getRules() {
		return this.rules;
	}

	public Webhook getWebhook() {
		return this.webhook;
	}

	public Alertmanager getAlertmanager() {
		return this.alertmanager;
	}

	public Delivery getDelivery() {
		return this.delivery;
	}

	@Override
	public boolean supports(Class<?> type) {
		return McpAlertsProperties.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		Memory memory = ((McpAlertsProperties) target).getRules().getMemory();
		if (memory.getThreshold() > memory.getCriticalThreshold()) {
			errors.rejectValue("rules.memory.threshold", "aboveCritical",
					"'" + memory.key("threshold") + "' must not be above '" + memory.key("critical-threshold") + "'");
		}
	}

	static void requirePositive(Duration duration, String property) {
		if (duration == null || duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException("'" + property + "' must be positive");
		}
	}

	static void requireHttpUrl(URI url, String property) {
		if (url != null && !(isHttp(url.getScheme()) && url.getHost() != null)) {
			throw new IllegalArgumentException("'" + property + "' must be an http or https URL");
		}
	}

	private static boolean isHttp(String scheme) {
		return "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
	}

	/**
	 * The built-in rules, by id.
	 */
	public static class Rules {

		private final ToolErrorRate toolErrorRate = new ToolErrorRate();

		private final Rule toolLatency = Rule.of("tool-latency", AlertSeverity.WARNING, 2.0, Duration.ofMinutes(5),
				ThresholdRange.ZERO_OR_POSITIVE);

		private final Rule recentErrors = Rule.of("recent-errors", AlertSeverity.WARNING, 10, Duration.ZERO,
				ThresholdRange.ZERO_OR_POSITIVE);

		private final Memory memory = new Memory();

		private final Rule cpu = Rule.of("cpu", AlertSeverity.WARNING, 0.85, Duration.ofMinutes(5),
				ThresholdRange.RATIO);

		private final Rule diskSpace = Rule.of("disk-space", AlertSeverity.WARNING, 0.90, Duration.ZERO,
				ThresholdRange.RATIO);

		// Its condition is 'at least threshold failures in a row': 0 would hold with no failure at all.
		private final Rule apiConsecutiveFailures = Rule.of("api-consecutive-failures", AlertSeverity.ERROR, 5,
				Duration.ZERO, ThresholdRange.AT_LEAST_ONE);

		private final Rule kalturaSession = Rule.of("kaltura-session", AlertSeverity.CRITICAL, 0,
				Duration.ofMinutes(1), ThresholdRange.ZERO_OR_POSITIVE);

		private final UpstreamAuthFailure upstreamAuthFailure = new UpstreamAuthFailure();

		private final Rule slowCalls = Rule.of("slow-calls", AlertSeverity.INFO, 0, Duration.ZERO,
				ThresholdRange.ZERO_OR_POSITIVE);

		public ToolErrorRate getToolErrorRate() {
			return this.toolErrorRate;
		}

		public Rule getToolLatency() {
			return this.toolLatency;
		}

		public Rule getRecentErrors() {
			return this.recentErrors;
		}

		public Memory getMemory() {
			return this.memory;
		}

		public Rule getCpu() {
			return this.cpu;
		}

		public Rule getDiskSpace() {
			return this.diskSpace;
		}

		public Rule getApiConsecutiveFailures() {
			return this.apiConsecutiveFailures;
		}

		public Rule getKalturaSession() {
			return this.kalturaSession;
		}

		public UpstreamAuthFailure getUpstreamAuthFailure() {
			return this.upstreamAuthFailure;
		}

		public Rule getSlowCalls() {
			return this.slowCalls;
		}

	}

	/**
	 * Settings of one built-in rule. Only the no-argument constructor exists, so that the configuration processor
	 * describes a rule's keys as the setters bind them.
	 */
	public static class Rule {

		private String id;

		/**
		 * Whether the rule is evaluated.
		 */
		private boolean enabled = true;

		/**
		 * Severity of the rule's alerts: info, warning, error or critical.
		 */
		private AlertSeverity severity;

		/**
		 * Value the rule's condition compares against; see the rule's documentation for its unit.
		 */
		private double threshold;

		/**
		 * How long the condition must hold before the alert fires.
		 */
		private Duration forDuration;

		private ThresholdRange thresholdRange;

		Rule() {
		}

		static Rule of(String id, AlertSeverity severity, double threshold, Duration forDuration,
				ThresholdRange thresholdRange) {
			Rule rule = new Rule();
			rule.initialize(id, severity, threshold, forDuration, thresholdRange);
			return rule;
		}

		final void initialize(String id, AlertSeverity severity, double threshold, Duration forDuration,
				ThresholdRange thresholdRange) {
			this.id = id;
			this.severity = severity;
			this.threshold = threshold;
			this.forDuration = forDuration;
			this.thresholdRange = thresholdRange;
		}

		String id() {
			return this.id;
		}

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public AlertSeverity getSeverity() {
			return this.severity;
		}

		public void setSeverity(AlertSeverity severity) {
			if (severity == null) {
				throw new IllegalArgumentException("'" + key("severity") + "' must be info, warning, error or critical");
			}
			this.severity = severity;
		}

		public double getThreshold() {
			return this.threshold;
		}

		public void setThreshold(double threshold) {
			this.thresholdRange.check(threshold, key("threshold"));
			this.threshold = threshold;
		}

		public Duration getFor() {
			return this.forDuration;
		}

		public void setFor(Duration forDuration) {
			if (forDuration == null || forDuration.isNegative()) {
				throw new IllegalArgumentException("'" + key("for") + "' must be zero or positive");
			}
			this.forDuration = forDuration;
		}

		String key(String property) {
			return "mcp.monitoring.alerts.rules." + this.id + "." + property;
		}

	}

	/**
	 * Settings of the tool-error-rate rule: the threshold is a ratio of failed calls.
	 */
	public static class ToolErrorRate extends Rule {

		/**
		 * Calls in the window below which the tool error rate is not judged.
		 */
		private long minCalls = 10;

		/**
		 * Window the error rate and the tool latency percentile are computed over.
		 */
		private Duration window = Duration.ofMinutes(5);

		ToolErrorRate() {
			initialize("tool-error-rate", AlertSeverity.ERROR, 0.05, Duration.ofMinutes(2), ThresholdRange.RATIO);
		}

		public long getMinCalls() {
			return this.minCalls;
		}

		public void setMinCalls(long minCalls) {
			if (minCalls < 0) {
				throw new IllegalArgumentException("'" + key("min-calls") + "' must be zero or positive");
			}
			this.minCalls = minCalls;
		}

		public Duration getWindow() {
			return this.window;
		}

		public void setWindow(Duration window) {
			requirePositive(window, key("window"));
			this.window = window;
		}

	}

	/**
	 * Settings of the memory rule: above the threshold ratio the alert has the rule's severity (warning by default),
	 * above the critical ratio it is critical.
	 */
	public static class Memory extends Rule {

		/**
		 * Used memory ratio above which the memory alert is critical.
		 */
		private double criticalThreshold = 0.90;

		Memory() {
			initialize("memory", AlertSeverity.WARNING, 0.80, Duration.ofMinutes(1), ThresholdRange.RATIO);
		}

		public double getCriticalThreshold() {
			return this.criticalThreshold;
		}

		public void setCriticalThreshold(double criticalThreshold) {
			if (!(criticalThreshold >= 0 && criticalThreshold <= 1)) {
				throw new IllegalArgumentException("'" + key("critical-threshold") + "' must be between 0 and 1");
			}
			this.criticalThreshold = criticalThreshold;
		}

		@Override
		public void setSeverity(AlertSeverity severity) {
			// Above the critical threshold the alert is critical: the alert below it must differ from it.
			if (severity == null || severity == AlertSeverity.CRITICAL) {
				throw new IllegalArgumentException("'" + key("severity") + "' must be info, warning or error");
			}
			super.setSeverity(severity);
		}

	}

	/**
	 * Settings of the upstream-auth-failure rule: the threshold is the number of failures tolerated in 5 minutes.
	 */
	public static class UpstreamAuthFailure extends Rule {

		/**
		 * Regular expressions that classify a failure as an authentication failure when its error type or message
		 * contains a match.
		 */
		private List<String> patterns = new ArrayList<>(AuthenticationFailures.DEFAULT_PATTERNS);

		UpstreamAuthFailure() {
			initialize("upstream-auth-failure", AlertSeverity.ERROR, 0, Duration.ZERO, ThresholdRange.ZERO_OR_POSITIVE);
		}

		public List<String> getPatterns() {
			return this.patterns;
		}

		public void setPatterns(List<String> patterns) {
			this.patterns = patterns;
		}

	}

	/**
	 * The values the threshold of a built-in rule may take, so that a rule can fire and can stop firing.
	 */
	enum ThresholdRange {

		/** An amount: seconds, or failures or slow calls tolerated. */
		ZERO_OR_POSITIVE(0, Double.MAX_VALUE, "must be zero or positive"),

		/** A ratio, such as used memory or failed calls over all calls. */
		RATIO(0, 1, "must be between 0 and 1"),

		/** A count the condition reaches from the threshold on, which 0 would reach with nothing counted. */
		AT_LEAST_ONE(1, Double.MAX_VALUE, "must be at least 1");

		private final double minimum;

		private final double maximum;

		private final String requirement;

		ThresholdRange(double minimum, double maximum, String requirement) {
			this.minimum = minimum;
			this.maximum = maximum;
			this.requirement = requirement;
		}

		void check(double threshold, String property) {
			// Written so that NaN fails too; infinity is above Double.MAX_VALUE.
			if (!(threshold >= this.minimum && threshold <= this.maximum)) {
				throw new IllegalArgumentException("'" + property + "' " + this.requirement);
			}
		}

	}

	/**
	 * Delivery of alerts to a JSON webhook.
	 */
	public static class Webhook {

		/**
		 * URL alerts are POSTed to as JSON, one document per notification. Unset or empty: no webhook.
		 */
		private URI url;

		/**
		 * Headers sent with each webhook request, such as Authorization. Never logged.
		 */
		private Map<String, String> headers = new LinkedHashMap<>();

		public URI getUrl() {
			return this.url;
		}

		public void setUrl(URI url) {
			requireHttpUrl(url, "mcp.monitoring.alerts.webhook.url");
			this.url = url;
		}

		public Map<String, String> getHeaders() {
			return this.headers;
		}

		public void setHeaders(Map<String, String> headers) {
			this.headers = headers;
		}

	}

	/**
	 * Delivery of alerts to Alertmanager.
	 */
	public static class Alertmanager {

		/**
		 * Base URL of Alertmanager, such as http://alertmanager:9093; alerts are POSTed to its /api/v2/alerts.
		 * Unset or empty: no Alertmanager.
		 */
		private URI url;

		/**
		 * Time between two posts of an alert that keeps firing; Alertmanager resolves an alert that is not re-sent
		 * before its end time (four resend intervals).
		 */
		private Duration resendInterval = Duration.ofMinutes(1);

		/**
		 * Base of the generatorURL of alerts, such as the address of this server's /actuator/mcp.
		 */
		private URI generatorUrl;

		public URI getUrl() {
			return this.url;
		}

		public void setUrl(URI url) {
			requireHttpUrl(url, "mcp.monitoring.alerts.alertmanager.url");
			this.url = url;
		}

		public Duration getResendInterval() {
			return this.resendInterval;
		}

		public void setResendInterval(Duration resendInterval) {
			requirePositive(resendInterval, "mcp.monitoring.alerts.alertmanager.resend-interval");
			this.resendInterval = resendInterval;
		}

		public URI getGeneratorUrl() {
			return this.generatorUrl;
		}

		public void setGeneratorUrl(URI generatorUrl) {
			requireHttpUrl(generatorUrl, "mcp.monitoring.alerts.alertmanager.generator-url");
			this.generatorUrl = generatorUrl;
		}

	}

	/**
	 * How the webhook and Alertmanager channels deliver: off the evaluator's thread, bounded in time and memory.
	 */
	public static class Delivery {

		/**
		 * Notifications waiting for delivery per channel; beyond it they are dropped and counted.
		 */
		private int queueCapacity = 1000;

		/**
		 * Timeout to connect to a receiver.
		 */
		private Duration connectTimeout = Duration.ofSeconds(2);

		/**
		 * Timeout of one delivery attempt, from sending the request to the end of the response body.
		 */
		private Duration requestTimeout = Duration.ofSeconds(5);

		/**
		 * Attempts per notification, the first included.
		 */
		private int maxAttempts = 3;

		public int getQueueCapacity() {
			return this.queueCapacity;
		}

		public void setQueueCapacity(int queueCapacity) {
			if (queueCapacity < 1) {
				throw new IllegalArgumentException("'mcp.monitoring.alerts.delivery.queue-capacity' must be at least 1");
			}
			this.queueCapacity = queueCapacity;
		}

		public Duration getConnectTimeout() {
			return this.connectTimeout;
		}

		public void setConnectTimeout(Duration connectTimeout) {
			requirePositive(connectTimeout, "mcp.monitoring.alerts.delivery.connect-timeout");
			this.connectTimeout = connectTimeout;
		}

		public Duration getRequestTimeout() {
			return this.requestTimeout;
		}

		public void setRequestTimeout(Duration requestTimeout) {
			requirePositive(requestTimeout, "mcp.monitoring.alerts.delivery.request-timeout");
			this.requestTimeout = requestTimeout;
		}

		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(int maxAttempts) {
			if (maxAttempts < 1) {
				throw new IllegalArgumentException("'mcp.monitoring.alerts.delivery.max-attempts' must be at least 1");
			}
			this.maxAttempts = maxAttempts;
		}

	}

}
