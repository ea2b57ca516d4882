package io.github.mcpmonitoring.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.mcpmonitoring.alerts.AlertSeverity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the in-process alert evaluator and its delivery channels.
 */
@ConfigurationProperties("mcp.monitoring.alerts")
public class McpAlertsProperties {

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
		this.evaluationInterval = evaluationInterval;
	}

	public Duration getRepeatInterval() {
		return this.repeatInterval;
	}

	public void setRepeatInterval(Duration repeatInterval) {
		this.repeatInterval = repeatInterval;
	}

	public int getHistorySize() {
		return this.historySize;
	}

	public void setHistorySize(int historySize) {
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

	/**
	 * The built-in rules, by id.
	 */
	public static class Rules {

		private final ToolErrorRate toolErrorRate = new ToolErrorRate();

		private final ToolLatency toolLatency = new ToolLatency();

		private final RecentErrors recentErrors = new RecentErrors();

		private final Memory memory = new Memory();

		private final Cpu cpu = new Cpu();

		private final DiskSpace diskSpace = new DiskSpace();

		private final ApiConsecutiveFailures apiConsecutiveFailures = new ApiConsecutiveFailures();

		private final KalturaSession kalturaSession = new KalturaSession();

		private final UpstreamAuthFailure upstreamAuthFailure = new UpstreamAuthFailure();

		private final SlowCalls slowCalls = new SlowCalls();

		private final PeerDown peerDown = new PeerDown();

		private final PeerSlow peerSlow = new PeerSlow();

		private final UnknownToolCalls unknownToolCalls = new UnknownToolCalls();

		public ToolErrorRate getToolErrorRate() {
			return this.toolErrorRate;
		}

		public ToolLatency getToolLatency() {
			return this.toolLatency;
		}

		public RecentErrors getRecentErrors() {
			return this.recentErrors;
		}

		public Memory getMemory() {
			return this.memory;
		}

		public Cpu getCpu() {
			return this.cpu;
		}

		public DiskSpace getDiskSpace() {
			return this.diskSpace;
		}

		public ApiConsecutiveFailures getApiConsecutiveFailures() {
			return this.apiConsecutiveFailures;
		}

		public KalturaSession getKalturaSession() {
			return this.kalturaSession;
		}

		public UpstreamAuthFailure getUpstreamAuthFailure() {
			return this.upstreamAuthFailure;
		}

		public SlowCalls getSlowCalls() {
			return this.slowCalls;
		}

		public PeerDown getPeerDown() {
			return this.peerDown;
		}

		public PeerSlow getPeerSlow() {
			return this.peerSlow;
		}

		public UnknownToolCalls getUnknownToolCalls() {
			return this.unknownToolCalls;
		}

	}

	/**
	 * What every built-in rule has. Each rule starts with its own severity and {@code for}.
	 */
	public abstract static class Rule {

		/**
		 * Whether the rule is evaluated.
		 */
		private boolean enabled = true;

		/**
		 * Severity of the rule's alerts: info, warning, error or critical.
		 */
		private AlertSeverity severity;

		/**
		 * How long the condition must hold before the alert fires.
		 */
		private Duration forDuration;

		Rule(AlertSeverity severity, Duration forDuration) {
			this.severity = severity;
			this.forDuration = forDuration;
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
			this.severity = severity;
		}

		public Duration getFor() {
			return this.forDuration;
		}

		public void setFor(Duration forDuration) {
			this.forDuration = forDuration;
		}

	}

	/**
	 * Settings of the tool-error-rate rule.
	 */
	public static class ToolErrorRate extends Rule {

		/**
		 * Ratio of failed calls, between 0 and 1, above which a tool's error rate alert fires.
		 */
		private double threshold = 0.05;

		/**
		 * Calls in the window below which the tool error rate is not judged.
		 */
		private long minCalls = 10;

		/**
		 * Window the error rate is computed over; also the window of the per-tool view of the mcp endpoint.
		 */
		private Duration window = Duration.ofMinutes(5);

		ToolErrorRate() {
			super(AlertSeverity.ERROR, Duration.ofMinutes(2));
		}

		public double getThreshold() {
			return this.threshold;
		}

		public void setThreshold(double threshold) {
			this.threshold = threshold;
		}

		public long getMinCalls() {
			return this.minCalls;
		}

		public void setMinCalls(long minCalls) {
			this.minCalls = minCalls;
		}

		public Duration getWindow() {
			return this.window;
		}

		public void setWindow(Duration window) {
			this.window = window;
		}

	}

	/**
	 * Settings of the tool-latency rule.
	 */
	public static class ToolLatency extends Rule {

		/**
		 * Seconds above which the 95th percentile of a tool's call duration fires the alert.
		 */
		private double threshold = 2.0;

		/**
		 * Window the 95th percentile is computed over.
		 */
		private Duration window = Duration.ofMinutes(5);

		ToolLatency() {
			super(AlertSeverity.WARNING, Duration.ofMinutes(5));
		}

		public double getThreshold() {
			return this.threshold;
		}

		public void setThreshold(double threshold) {
			this.threshold = threshold;
		}

		public Duration getWindow() {
			return this.window;
		}

		public void setWindow(Duration window) {
			this.window = window;
		}

	}

	/**
	 * Settings of the recent-errors rule; it counts failures in mcp.monitoring.health.recent-errors.window.
	 */
	public static class RecentErrors extends Rule {

		/**
		 * Failed tool and API calls in the window above which the alert fires; below mcp.monitoring.health.recent-errors.capacity.
		 */
		private double threshold = 10;

		RecentErrors() {
			super(AlertSeverity.WARNING, Duration.ZERO);
		}

		public double getThreshold() {
			return this.threshold;
		}

		public void setThreshold(double threshold) {
			this.threshold = threshold;
		}

	}

	/**
	 * Settings of the memory rule; its thresholds are mcp.monitoring.health.memory.warning-threshold and critical-threshold.
	 */
	public static class Memory extends Rule {

		Memory() {
			super(AlertSeverity.WARNING, Duration.ofMinutes(1));
		}

	}

	/**
	 * Settings of the cpu rule.
	 */
	public static class Cpu extends Rule {

		/**
		 * System CPU usage ratio, between 0 and 1, above which the cpu alert fires.
		 */
		private double threshold = 0.85;

		Cpu() {
			super(AlertSeverity.WARNING, Duration.ofMinutes(5));
		}

		public double getThreshold() {
			return this.threshold;
		}

		public void setThreshold(double threshold) {
			this.threshold = threshold;
		}

	}

	/**
	 * Settings of the disk-space rule.
	 */
	public static class DiskSpace extends Rule {

		/**
		 * Used disk space ratio, between 0 and 1, above which the disk-space alert fires for a path.
		 */
		private double threshold = 0.90;

		DiskSpace() {
			super(AlertSeverity.WARNING, Duration.ZERO);
		}

		public double getThreshold() {
			return this.threshold;
		}

		public void setThreshold(double threshold) {
			this.threshold = threshold;
		}

	}

	/**
	 * Settings of the api-consecutive-failures rule.
	 */
	public static class ApiConsecutiveFailures extends Rule {

		/**
		 * Failures in a row, at least 1, from which the alert fires for an API.
		 */
		private double threshold = 5;

		ApiConsecutiveFailures() {
			super(AlertSeverity.ERROR, Duration.ZERO);
		}

		public double getThreshold() {
			return this.threshold;
		}

		public void setThreshold(double threshold) {
			this.threshold = threshold;
		}

	}

	/**
	 * Settings of the peer-down rule, on the probes of mcp.monitoring.peers.
	 */
	public static class PeerDown extends Rule {

		/**
		 * Failed probes in a row, at least 1, from which the alert holds for a peer.
		 */
		private double threshold = 1;

		PeerDown() {
			super(AlertSeverity.ERROR, Duration.ofMinutes(1));
		}

		public double getThreshold() {
			return this.threshold;
		}

		public void setThreshold(double threshold) {
			this.threshold = threshold;
		}

	}

	/**
	 * Settings of the peer-slow rule, on the probes of mcp.monitoring.peers that the peer answered.
	 */
	public static class PeerSlow extends Rule {

		/**
		 * Duration of a whole answered probe, in seconds, above which the alert holds for a peer.
		 */
		private double threshold = 2.0;

		PeerSlow() {
			super(AlertSeverity.WARNING, Duration.ofMinutes(5));
		}

		public double getThreshold() {
			return this.threshold;
		}

		public void setThreshold(double threshold) {
			this.threshold = threshold;
		}

	}

	/**
	 * Settings of the unknown-tool-calls rule, on the calls of tools the server does not have.
	 */
	public static class UnknownToolCalls extends Rule {

		/**
		 * Calls of tools the server does not have tolerated in the window.
		 */
		private double threshold = 10;

		/**
		 * Window unknown-tool calls are counted in.
		 */
		private Duration window = Duration.ofMinutes(5);

		UnknownToolCalls() {
			super(AlertSeverity.WARNING, Duration.ofMinutes(5));
		}

		public double getThreshold() {
			return this.threshold;
		}

		public void setThreshold(double threshold) {
			this.threshold = threshold;
		}

		public Duration getWindow() {
			return this.window;
		}

		public void setWindow(Duration window) {
			this.window = window;
		}

	}

	/**
	 * Settings of the kaltura-session rule, which fires on the session state and has no threshold.
	 */
	public static class KalturaSession extends Rule {

		KalturaSession() {
			super(AlertSeverity.CRITICAL, Duration.ofMinutes(1));
		}

	}

	/**
	 * Settings of the upstream-auth-failure rule; what counts as an authentication failure is the failure
	 * classification's: the upstream's HTTP 401 or 403, the application's FailureClassifier beans and
	 * mcp.monitoring.auth-failure-patterns.
	 */
	public static class UpstreamAuthFailure extends Rule {

		/**
		 * Authentication failures of a tool or API tolerated in 5 minutes.
		 */
		private double threshold = 0;

		UpstreamAuthFailure() {
			super(AlertSeverity.ERROR, Duration.ZERO);
		}

		public double getThreshold() {
			return this.threshold;
		}

		public void setThreshold(double threshold) {
			this.threshold = threshold;
		}

	}

	/**
	 * Settings of the slow-calls rule.
	 */
	public static class SlowCalls extends Rule {

		/**
		 * Slow calls of a tool or API tolerated in 5 minutes.
		 */
		private double threshold = 0;

		SlowCalls() {
			super(AlertSeverity.INFO, Duration.ZERO);
		}

		public double getThreshold() {
			return this.threshold;
		}

		public void setThreshold(double threshold) {
			this.threshold = threshold;
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
			this.url = url;
		}

		public Duration getResendInterval() {
			return this.resendInterval;
		}

		public void setResendInterval(Duration resendInterval) {
			this.resendInterval = resendInterval;
		}

		public URI getGeneratorUrl() {
			return this.generatorUrl;
		}

		public void setGeneratorUrl(URI generatorUrl) {
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
			this.queueCapacity = queueCapacity;
		}

		public Duration getConnectTimeout() {
			return this.connectTimeout;
		}

		public void setConnectTimeout(Duration connectTimeout) {
			this.connectTimeout = connectTimeout;
		}

		public Duration getRequestTimeout() {
			return this.requestTimeout;
		}

		public void setRequestTimeout(Duration requestTimeout) {
			this.requestTimeout = requestTimeout;
		}

		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

	}

}
