package io.github.mcpmonitoring.autoconfigure;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import io.github.mcpmonitoring.alerts.Alert;
import io.github.mcpmonitoring.alerts.AlertEvaluator;
import io.github.mcpmonitoring.alerts.AlertRule;
import io.github.mcpmonitoring.alerts.AlertSeverity;
import io.github.mcpmonitoring.alerts.AlertState;
import io.github.mcpmonitoring.alerts.ApplicationEventAlertNotifier;
import io.github.mcpmonitoring.alerts.McpAlertEvent;
import io.github.mcpmonitoring.alerts.TestRule;
import io.github.mcpmonitoring.alerts.delivery.AlertmanagerAlertNotifier;
import io.github.mcpmonitoring.alerts.delivery.DeliveryOptions;
import io.github.mcpmonitoring.alerts.delivery.LoggingAlertNotifier;
import io.github.mcpmonitoring.alerts.delivery.WebhookAlertNotifier;
import io.github.mcpmonitoring.alerts.rules.MeterHistory;
import io.github.mcpmonitoring.core.ApiCallMetrics;
import io.github.mcpmonitoring.core.ApiCallRecorder;
import io.github.mcpmonitoring.core.ErrorTypes;
import io.github.mcpmonitoring.core.McpMeterNames;
import io.github.mcpmonitoring.core.ToolCallMetrics;
import io.github.mcpmonitoring.core.ToolCallRecorder;
import io.github.mcpmonitoring.errors.AuthenticationFailures;
import io.github.mcpmonitoring.health.AlertsHealthIndicator;
import io.github.mcpmonitoring.kaltura.KalturaSessionMetrics;
import io.github.mcpmonitoring.kaltura.KalturaSessionState;
import io.github.mcpmonitoring.kaltura.KalturaSessionStatus;
import io.github.mcpmonitoring.kaltura.KalturaSessionStatusProvider;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.context.annotation.Configuration;

import static io.github.mcpmonitoring.alerts.TestRule.candidate;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link McpAlertsAutoConfiguration}.
 */
class McpAlertsAutoConfigurationTests {

	private static final Duration DEADLINE = Duration.ofSeconds(5);

	private static final List<String> DEFAULT_RULES = List.of("tool-error-rate", "tool-latency", "recent-errors",
			"memory", "cpu", "disk-space", "api-consecutive-failures", "upstream-auth-failure", "slow-calls", "peer-down",
			"peer-slow", "unknown-tool-calls");

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(BootAutoConfigurations.metrics())
		.withConfiguration(BootAutoConfigurations.health())
		.withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class, EndpointAutoConfiguration.class,
				WebEndpointAutoConfiguration.class, McpMonitoringAutoConfiguration.class,
				McpSystemMemoryAutoConfiguration.class, McpHealthAutoConfiguration.class,
				MonitoredAnnotationsAutoConfiguration.class, McpAlertsAutoConfiguration.class));

	@Test
	void createsTheEvaluatorItsRulesAndChannelsAndTheHealthComponentByDefault() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(MeterHistory.class);
			assertThat(context).hasSingleBean(AuthenticationFailures.class);
			assertThat(context).hasSingleBean(BuiltInAlertRules.class);
			assertThat(context).hasSingleBean(LoggingAlertNotifier.class);
			assertThat(context).hasSingleBean(ApplicationEventAlertNotifier.class);
			assertThat(context).hasSingleBean(AlertsHealthIndicator.class);
			assertThat(context).doesNotHaveBean(WebhookAlertNotifier.class);
			assertThat(context).doesNotHaveBean(AlertmanagerAlertNotifier.class);
			assertThat(context).doesNotHaveBean(KalturaSessionMetrics.class);
			assertThat(context.getBean(AlertEvaluator.class).rules()).extracting(AlertRule::id)
				.containsExactlyElementsOf(DEFAULT_RULES);
			assertThat(BootHealth.isContributed(context, "alerts")).isTrue();
		});
	}

	@Test
	void registersTheActiveGaugeOfEveryEnabledRuleAtZero() {
		this.contextRunner.run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.find("mcp.alerts.active").gauges()).hasSize(13)
				.allSatisfy((gauge) -> assertThat(gauge.value()).isZero());
			assertThat(registry.get("mcp.alerts.active")
				.tag("alertname", "McpToolErrorRateHigh")
				.tag("severity", "error")
				.gauge()).isNotNull();
			assertThat(registry.get("mcp.alerts.active")
				.tag("alertname", "McpMemoryHigh")
				.tag("severity", "critical")
				.gauge()).isNotNull();
		});
	}

	@Test
	void addsTheKalturaSessionRuleAndGaugesWhenTheApplicationReportsItsSession() {
		this.contextRunner.withBean(KalturaSessionStatusProvider.class, () -> () -> session(KalturaSessionState.ACTIVE))
			.run((context) -> {
				assertThat(context.getBean(AlertEvaluator.class).rules()).extracting(AlertRule::id)
					.contains("kaltura-session");
				assertThat(context).hasSingleBean(KalturaSessionMetrics.class);
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.get("mcp.kaltura.session.state").tag("state", "active").gauge().value())
					.isEqualTo(1);
				assertThat(registry.get("mcp.kaltura.session.state").tag("state", "expired").gauge().value())
					.isZero();
			});
	}

	@Test
	void createsNothingWhenDisabled() {
		this.contextRunner.withPropertyValues("mcp.monitoring.alerts.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(AlertEvaluator.class);
			assertThat(context).doesNotHaveBean(MeterHistory.class);
			assertThat(context).doesNotHaveBean(BuiltInAlertRules.class);
			assertThat(context).doesNotHaveBean(LoggingAlertNotifier.class);
			assertThat(context).doesNotHaveBean("alertsHealthIndicator");
			assertThat(context.getBean(MeterRegistry.class).find("mcp.alerts.active").gauges()).isEmpty();
		});
	}

	@Test
	void keepsTheMetersThatPrometheusRulesReadWhenDisabled() {
		this.contextRunner.withPropertyValues("mcp.monitoring.alerts.enabled=false")
			.withBean(KalturaSessionStatusProvider.class, () -> () -> session(KalturaSessionState.EXPIRED))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(AlertEvaluator.class);
				ApiCallRecorder recorder = context.getBean(ApiCallMetrics.class).recorder("kaltura.media.get");
				recorder.record(recorder.monotonicTime(), HttpClientErrorException.create(HttpStatus.UNAUTHORIZED,
						"Unauthorized", HttpHeaders.EMPTY, new byte[0], null), Long.MAX_VALUE);
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.get(AuthenticationFailures.METER_NAME).tag("name", "kaltura.media.get").counter()
					.count()).isEqualTo(1);
				assertThat(registry.get("mcp.kaltura.session.state").tag("state", "expired").gauge().value())
					.isEqualTo(1);
			});
	}

	@Test
	void bindsTheAuthenticationFailurePatternsWhenDisabled() {
		this.contextRunner
			.withPropertyValues("mcp.monitoring.alerts.enabled=false",
					"mcp.monitoring.auth-failure-patterns=TOKEN_EXPIRED")
			.run((context) -> {
				ApiCallRecorder recorder = context.getBean(ApiCallMetrics.class).recorder("kaltura.media.get");
				recorder.record(recorder.monotonicTime(), new IllegalStateException("INVALID_KS: expired"),
						Long.MAX_VALUE);
				recorder.record(recorder.monotonicTime(), new IllegalStateException("TOKEN_EXPIRED"), Long.MAX_VALUE);
				assertThat(context.getBean(MeterRegistry.class)
					.get(AuthenticationFailures.METER_NAME)
					.tag("name", "kaltura.media.get")
					.counter()
					.count()).isEqualTo(1);
			});
	}

	@Test
	void leavesOutARuleDisabledByProperty() {
		this.contextRunner.withPropertyValues("mcp.monitoring.alerts.rules.cpu.enabled=false").run((context) -> {
			assertThat(context.getBean(AlertEvaluator.class).rules()).extracting(AlertRule::id)
				.doesNotContain("cpu")
				.hasSize(DEFAULT_RULES.size() - 1);
			assertThat(context.getBean(MeterRegistry.class).find("mcp.alerts.active").tag("alertname", "McpCpuHigh")
				.gauge()).isNull();
		});
	}

	@Test
	void bindsTheRuleSettings() {
		this.contextRunner
			.withPropertyValues("mcp.monitoring.alerts.rules.tool-error-rate.threshold=0.2",
					"mcp.monitoring.alerts.rules.tool-error-rate.for=30s",
					"mcp.monitoring.alerts.rules.tool-error-rate.severity=critical",
					"mcp.monitoring.alerts.rules.tool-error-rate.min-calls=3",
					"mcp.monitoring.alerts.rules.tool-error-rate.window=1m",
					"mcp.monitoring.alerts.rules.tool-latency.window=10m",
					"mcp.monitoring.alerts.rules.unknown-tool-calls.threshold=50",
					"mcp.monitoring.alerts.rules.unknown-tool-calls.window=15m",
					"mcp.monitoring.alerts.rules.memory.severity=error",
					"mcp.monitoring.alerts.evaluation-interval=5s", "mcp.monitoring.alerts.repeat-interval=2h",
					"mcp.monitoring.alerts.history-size=10")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				McpAlertsProperties properties = context.getBean(McpAlertsProperties.class);
				McpAlertsProperties.ToolErrorRate errorRate = properties.getRules().getToolErrorRate();
				assertThat(errorRate.getThreshold()).isEqualTo(0.2);
				assertThat(errorRate.getFor()).isEqualTo(Duration.ofSeconds(30));
				assertThat(errorRate.getSeverity()).isEqualTo(AlertSeverity.CRITICAL);
				assertThat(errorRate.getMinCalls()).isEqualTo(3);
				assertThat(errorRate.getWindow()).isEqualTo(Duration.ofMinutes(1));
				assertThat(properties.getRules().getToolLatency().getWindow()).isEqualTo(Duration.ofMinutes(10));
				assertThat(properties.getRules().getUnknownToolCalls().getThreshold()).isEqualTo(50);
				assertThat(properties.getRules().getUnknownToolCalls().getWindow()).isEqualTo(Duration.ofMinutes(15));
				assertThat(properties.getRules().getMemory().getSeverity()).isEqualTo(AlertSeverity.ERROR);
				assertThat(properties.getEvaluationInterval()).isEqualTo(Duration.ofSeconds(5));
				assertThat(properties.getRepeatInterval()).isEqualTo(Duration.ofHours(2));
				assertThat(properties.getHistorySize()).isEqualTo(10);
				assertThat(context.getBean(MeterRegistry.class)
					.get("mcp.alerts.active")
					.tag("alertname", "McpToolErrorRateHigh")
					.tag("severity", "critical")
					.gauge()).isNotNull();
				assertThat(context.getBean(MeterRegistry.class).find("mcp.alerts.active").tag("alertname",
						"McpMemoryHigh").gauges())
					.extracting((gauge) -> gauge.getId().getTag("severity"))
					.containsExactlyInAnyOrder("error", "critical");
			});
	}

	@Test
	void hasTheDocumentedDefaults() {
		this.contextRunner.run((context) -> {
			McpAlertsProperties properties = context.getBean(McpAlertsProperties.class);
			assertThat(properties.isEnabled()).isTrue();
			assertThat(properties.getEvaluationInterval()).isEqualTo(Duration.ofSeconds(15));
			assertThat(properties.getRepeatInterval()).isEqualTo(Duration.ofHours(1));
			assertThat(properties.getHistorySize()).isEqualTo(1000);
			assertThat(properties.getRunbookBaseUrl()).isEqualTo("docs/runbooks/");
			assertThat(properties.getAlertmanager().getResendInterval()).isEqualTo(Duration.ofMinutes(1));
			assertThat(properties.getDelivery().getConnectTimeout()).isEqualTo(Duration.ofSeconds(2));
			assertThat(properties.getDelivery().getRequestTimeout()).isEqualTo(Duration.ofSeconds(5));
			assertThat(properties.getDelivery().getMaxAttempts()).isEqualTo(3);
			assertThat(properties.getDelivery().getQueueCapacity()).isEqualTo(1000);
		});
	}

	@Test
	void evaluatesTheApplicationsOwnRulesOnItsScheduleAndPublishesEvents() {
		this.contextRunner.withPropertyValues("mcp.monitoring.alerts.evaluation-interval=50ms")
			.withUserConfiguration(ApplicationRuleConfiguration.class)
			.run((context) -> {
				AlertEvaluator evaluator = context.getBean(AlertEvaluator.class);
				assertThat(evaluator.rules()).extracting(AlertRule::id).endsWith("application");
				TestRule rule = context.getBean(TestRule.class);
				awaitUntil(() -> rule.evaluations() > 0);
				rule.holds(candidate(AlertSeverity.ERROR, 42, "queue", "orders"));
				awaitUntil(() -> !evaluator.alerts(AlertState.FIRING).isEmpty());
				assertThat(evaluator.alerts(AlertState.FIRING)).singleElement().satisfies((alert) -> {
					assertThat(alert.name()).isEqualTo("QueueBacklog");
					assertThat(alert.runbookUrl()).isEqualTo("docs/runbooks/QueueBacklog.md");
				});
				EventRecorder events = context.getBean(EventRecorder.class);
				awaitUntil(() -> !events.alerts().isEmpty());
				assertThat(events.alerts()).first().satisfies((alert) -> {
					assertThat(alert.name()).isEqualTo("QueueBacklog");
					assertThat(alert.state()).isEqualTo(AlertState.FIRING);
				});
				assertThat(BootHealth.component(context, "alertsHealthIndicator").status()).isEqualTo("WARNING");
			});
	}

	@Test
	void backsOffWhenTheApplicationDefinesItsEvaluator() {
		this.contextRunner.withUserConfiguration(UserEvaluatorConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(AlertEvaluator.class)).isSameAs(context.getBean("userEvaluator"));
			assertThat(context.getBean(AlertEvaluator.class).rules()).isEmpty();
		});
	}

	@Test
	void backsOffTheLogAndEventNotifiersWhenTheApplicationDefinesItsOwn() {
		this.contextRunner.withBean("userLogging", LoggingAlertNotifier.class, LoggingAlertNotifier::new)
			.withBean("userEvents", ApplicationEventAlertNotifier.class, () -> new ApplicationEventAlertNotifier((e) -> {
			}))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).hasSingleBean(LoggingAlertNotifier.class);
				assertThat(context.getBean(LoggingAlertNotifier.class)).isSameAs(context.getBean("userLogging"));
				assertThat(context).hasSingleBean(ApplicationEventAlertNotifier.class);
				assertThat(context.getBean(ApplicationEventAlertNotifier.class)).isSameAs(context.getBean("userEvents"));
			});
	}

	@Test
	void backsOffOnlyTheWebhookNotifierWhenTheApplicationDefinesItsOwn() {
		this.contextRunner
			.withPropertyValues("mcp.monitoring.alerts.webhook.url=http://127.0.0.1:9/alerts",
					"mcp.monitoring.alerts.alertmanager.url=http://127.0.0.1:9")
			.withBean("userWebhook", WebhookAlertNotifier.class,
					() -> new WebhookAlertNotifier(URI.create("http://127.0.0.1:9/user"), Map.of(),
							DeliveryOptions.defaults(), new SimpleMeterRegistry()))
			.run((context) -> {
				assertThat(context).hasSingleBean(WebhookAlertNotifier.class);
				assertThat(context.getBean(WebhookAlertNotifier.class)).isSameAs(context.getBean("userWebhook"));
				assertThat(context).hasSingleBean(AlertmanagerAlertNotifier.class);
			});
	}

	@Test
	void backsOffOnlyTheAlertmanagerNotifierWhenTheApplicationDefinesItsOwn() {
		this.contextRunner
			.withPropertyValues("mcp.monitoring.alerts.webhook.url=http://127.0.0.1:9/alerts",
					"mcp.monitoring.alerts.alertmanager.url=http://127.0.0.1:9")
			.withBean("userAlertmanager", AlertmanagerAlertNotifier.class,
					() -> new AlertmanagerAlertNotifier(URI.create("http://127.0.0.1:9"), "app", "host:8080", null,
							Duration.ofMinutes(1), DeliveryOptions.defaults(), new SimpleMeterRegistry()))
			.run((context) -> {
				assertThat(context).hasSingleBean(AlertmanagerAlertNotifier.class);
				assertThat(context.getBean(AlertmanagerAlertNotifier.class))
					.isSameAs(context.getBean("userAlertmanager"));
				assertThat(context).hasSingleBean(WebhookAlertNotifier.class);
			});
	}

	@Test
	void deliversToAWebhookOnlyWithItsUrl() {
		this.contextRunner.withPropertyValues("mcp.monitoring.alerts.webhook.url=http://127.0.0.1:9/alerts")
			.run((context) -> {
				assertThat(context).hasSingleBean(WebhookAlertNotifier.class);
				assertThat(context).doesNotHaveBean(AlertmanagerAlertNotifier.class);
			});
	}

	@Test
	void deliversToAlertmanagerOnlyWithItsUrl() {
		this.contextRunner
			.withPropertyValues("mcp.monitoring.alerts.alertmanager.url=http://127.0.0.1:9",
					"mcp.monitoring.alerts.alertmanager.resend-interval=30s")
			.run((context) -> {
				assertThat(context).hasSingleBean(AlertmanagerAlertNotifier.class);
				assertThat(context).doesNotHaveBean(WebhookAlertNotifier.class);
				assertThat(context.getBean(AlertmanagerAlertNotifier.class).resendInterval())
					.isEqualTo(Duration.ofSeconds(30));
			});
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " " })
	void createsNoWebhookOrAlertmanagerChannelForAnEmptyUrl(String url) {
		this.contextRunner
			.withPropertyValues("mcp.monitoring.alerts.webhook.url=" + url,
					"mcp.monitoring.alerts.alertmanager.url=" + url)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(WebhookAlertNotifier.class);
				assertThat(context).doesNotHaveBean(AlertmanagerAlertNotifier.class);
				assertThat(context).hasSingleBean(LoggingAlertNotifier.class);
			});
	}

	@Test
	void healthComponentIsSwitchedOffByItsProperty() {
		this.contextRunner.withPropertyValues("management.health.alerts.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean("alertsHealthIndicator");
			assertThat(context).hasSingleBean(AlertEvaluator.class);
			assertThat(BootHealth.isContributed(context, "alerts")).isFalse();
		});
	}

	@Test
	void evaluatesWithoutActuatorHealth() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(BootHealth.indicatorType())).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(AlertEvaluator.class);
			assertThat(context).doesNotHaveBean("alertsHealthIndicator");
		});
	}

	@Test
	void keepsTheDurationBucketsOfASimpleRegistryCumulative() {
		MockClock clock = new MockClock();
		this.contextRunner.withBean(MockClock.class, () -> clock).run((context) -> {
			ToolCallRecorder recorder = context.getBean(ToolCallMetrics.class).recorder("list_media");
			recorder.record(recorder.monotonicTime() - Duration.ofMillis(30).toNanos(), null, ErrorTypes.NONE,
					Long.MAX_VALUE, null);
			clock.add(Duration.ofMinutes(10));
			CountAtBucket[] buckets = context.getBean(MeterRegistry.class)
				.get(McpMeterNames.OPERATION_DURATION)
				.tag(McpMeterNames.TAG_ERROR_TYPE, ErrorTypes.NONE)
				.timer()
				.takeSnapshot()
				.histogramCounts();
			// The 30 ms call, still counted in every bucket from 50 ms ten minutes later.
			assertThat(Arrays.stream(buckets).mapToDouble(CountAtBucket::count).toArray())
				.containsExactly(0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1);
		});
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"mcp.monitoring.alerts.rules.tool-error-rate.threshold|2|threshold must be between 0 and 1",
			"mcp.monitoring.alerts.rules.tool-error-rate.window|0s|window must be positive",
			"mcp.monitoring.alerts.rules.tool-error-rate.min-calls|-1|minCalls must be at least 0",
			"mcp.monitoring.alerts.evaluation-interval|0s|period must be positive",
			"mcp.monitoring.alerts.repeat-interval|-1m|repeatInterval must be positive",
			"mcp.monitoring.alerts.history-size|0|historySize must be at least 1",
			"mcp.monitoring.alerts.rules.cpu.threshold|-0.5|threshold must be between 0 and 1",
			"mcp.monitoring.alerts.rules.cpu.threshold|90|threshold must be between 0 and 1",
			"mcp.monitoring.alerts.rules.disk-space.threshold|1.5|threshold must be between 0 and 1",
			"mcp.monitoring.alerts.rules.api-consecutive-failures.threshold|0|threshold must be at least 1",
			"mcp.monitoring.alerts.rules.recent-errors.threshold|-1|threshold must be zero or positive",
			"mcp.monitoring.alerts.rules.memory.severity|critical|severity must be info, warning or error",
			"mcp.monitoring.alerts.rules.tool-latency.for|-1s|for must be zero or positive",
			"mcp.monitoring.alerts.rules.tool-latency.window|-1s|window must be positive",
			"mcp.monitoring.alerts.rules.slow-calls.threshold|-1|threshold must be zero or positive",
			"mcp.monitoring.alerts.rules.unknown-tool-calls.threshold|-1|threshold must be zero or positive",
			"mcp.monitoring.alerts.rules.unknown-tool-calls.window|0s|window must be positive",
			"mcp.monitoring.alerts.webhook.url|ftp://x|url must be an http or https URL",
			"mcp.monitoring.alerts.webhook.url|http:///alerts|url must be an http or https URL",
			"mcp.monitoring.alerts.alertmanager.url|file:///tmp|url must be an http or https URL",
			"mcp.monitoring.alerts.alertmanager.url|alertmanager:9093|url must be an http or https URL",
			"mcp.monitoring.alerts.alertmanager.url|http:alertmanager|url must be an http or https URL" })
	void failsStartupOnAnInvalidValueNamingItsKey(String key, String value, String reason) {
		this.contextRunner.withPropertyValues(key + "=" + value)
			.run((context) -> assertFailedNaming(context, key, reason));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"mcp.monitoring.alerts.alertmanager.generator-url|ftp://x|generatorUrl must be an http or https URL",
			"mcp.monitoring.alerts.alertmanager.resend-interval|0s|resendInterval must be positive",
			"mcp.monitoring.alerts.delivery.max-attempts|0|maxAttempts must be at least 1",
			"mcp.monitoring.alerts.delivery.queue-capacity|0|queueCapacity must be at least 1",
			"mcp.monitoring.alerts.delivery.request-timeout|0s|requestTimeout must be positive" })
	void failsStartupOnAnInvalidDeliveryValueNamingItsKey(String key, String value, String reason) {
		this.contextRunner
			.withPropertyValues("mcp.monitoring.alerts.alertmanager.url=http://127.0.0.1:9", key + "=" + value)
			.run((context) -> assertFailedNaming(context, key, reason));
	}

	@Test
	void failsStartupOnAMemoryWarningThresholdAboveTheCriticalOneNamingTheHealthKey() {
		this.contextRunner
			.withPropertyValues("management.health.memory.enabled=false",
					"mcp.monitoring.health.memory.warning-threshold=0.95",
					"mcp.monitoring.health.memory.critical-threshold=0.90")
			.run((context) -> assertFailedNaming(context, "mcp.monitoring.health.memory.warning-threshold",
					"threshold must not be above the critical threshold (0.9)"));
	}

	@Test
	void failsStartupOnARecentErrorsThresholdTheRecentErrorsCapacityNeverExceeds() {
		this.contextRunner
			.withPropertyValues("mcp.monitoring.health.recent-errors.capacity=20",
					"mcp.monitoring.alerts.rules.recent-errors.threshold=20")
			.run((context) -> assertFailedNaming(context, "mcp.monitoring.alerts.rules.recent-errors.threshold",
					"threshold must be below the recent errors capacity (20), or the alert could never fire"));
	}

	private static void assertFailedNaming(AssertableApplicationContext context, String key, String reason) {
		assertThat(context).hasFailed();
		assertThat(context.getStartupFailure()).rootCause()
			.isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class, (ex) -> {
				assertThat(ex.getName()).isEqualTo(key);
				assertThat(ex.getReason()).isEqualTo(reason);
			});
	}

	@Test
	void acceptsARecentErrorsThresholdBelowTheCapacityOrOfADisabledRule() {
		this.contextRunner
			.withPropertyValues("mcp.monitoring.health.recent-errors.capacity=20",
					"mcp.monitoring.alerts.rules.recent-errors.threshold=19")
			.run((context) -> assertThat(context).hasNotFailed());
		this.contextRunner
			.withPropertyValues("mcp.monitoring.health.recent-errors.capacity=20",
					"mcp.monitoring.alerts.rules.recent-errors.threshold=20",
					"mcp.monitoring.alerts.rules.recent-errors.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void failsStartupOnAnUnknownSeverityNamingItsKey() {
		this.contextRunner.withPropertyValues("mcp.monitoring.alerts.rules.cpu.severity=loud").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure())
				.hasStackTraceContaining("Failed to bind properties under 'mcp.monitoring.alerts.rules.cpu.severity'");
		});
	}

	private static KalturaSessionStatus session(KalturaSessionState state) {
		return new KalturaSessionStatus(state, 1234, "ADMIN", null, null, null, null, null, null);
	}

	private static void awaitUntil(BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + DEADLINE.toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("condition met before the deadline").isLessThan(deadline);
			Thread.sleep(10);
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class ApplicationRuleConfiguration {

		@Bean
		TestRule applicationRule() {
			return new TestRule("application", "QueueBacklog", Duration.ZERO, AlertSeverity.ERROR);
		}

		@Bean
		EventRecorder eventRecorder() {
			return new EventRecorder();
		}

	}

	static class EventRecorder implements ApplicationListener<McpAlertEvent> {

		private final List<Alert> alerts = new ArrayList<>();

		@Override
		public synchronized void onApplicationEvent(McpAlertEvent event) {
			this.alerts.add(event.getAlert());
		}

		synchronized List<Alert> alerts() {
			return List.copyOf(this.alerts);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserEvaluatorConfiguration {

		@Bean
		AlertEvaluator userEvaluator(MeterRegistry registry) {
			return new AlertEvaluator(List.of(), List.of(), List.of(), Clock.systemUTC(), Duration.ofHours(1),
					(rule) -> null, 10, registry);
		}

	}

}
