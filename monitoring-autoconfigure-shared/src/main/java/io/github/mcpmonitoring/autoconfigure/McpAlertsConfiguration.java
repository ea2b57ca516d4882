package io.github.mcpmonitoring.autoconfigure;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import io.github.mcpmonitoring.alerts.AlertEvaluator;
import io.github.mcpmonitoring.alerts.AlertNotifier;
import io.github.mcpmonitoring.alerts.AlertRule;
import io.github.mcpmonitoring.alerts.ApplicationEventAlertNotifier;
import io.github.mcpmonitoring.alerts.delivery.AlertmanagerAlertNotifier;
import io.github.mcpmonitoring.alerts.delivery.DeliveryOptions;
import io.github.mcpmonitoring.alerts.delivery.LoggingAlertNotifier;
import io.github.mcpmonitoring.alerts.delivery.WebhookAlertNotifier;
import io.github.mcpmonitoring.alerts.rules.MeterHistory;
import io.github.mcpmonitoring.core.MonitoringScheduler;
import io.github.mcpmonitoring.errors.RecentErrors;
import io.github.mcpmonitoring.health.AlertsHealthIndicator;
import io.github.mcpmonitoring.kaltura.KalturaSessionStatusProvider;
import io.github.mcpmonitoring.system.SystemMemory;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The beans of {@link McpAlertsAutoConfiguration}, the same for every Spring Boot generation: the in-process alert
 * evaluator with the built-in rules and the application's own {@link AlertRule} beans, its delivery channels and the
 * {@code alerts} health component.
 */
@Configuration(proxyBeanMethods = false)
class McpAlertsConfiguration {

	@Bean
	@ConditionalOnMissingBean
	public MeterHistory mcpMeterHistory(MeterRegistry registry, McpAlertsProperties properties) {
		// Kept as long as the longest window a rule reads from it, plus one evaluation.
		McpAlertsProperties.Rules rules = properties.getRules();
		Duration longest = Stream
			.of(rules.getToolErrorRate().getWindow(), rules.getToolLatency().getWindow(),
					rules.getUnknownToolCalls().getWindow(), BuiltInAlertRules.RECENT_WINDOW)
			.max(Comparator.naturalOrder())
			.orElseThrow();
		return new MeterHistory(registry, Clock.systemUTC(), longest.plus(properties.getEvaluationInterval()));
	}

	@Bean
	@ConditionalOnMissingBean
	public BuiltInAlertRules mcpBuiltInAlertRules(McpAlertsProperties properties,
			McpMonitoringProperties monitoringProperties, MeterRegistry registry, MeterHistory history,
			RecentErrors recentErrors, ObjectProvider<SystemMemory> systemMemory,
			ObjectProvider<KalturaSessionStatusProvider> kalturaSession) {
		return new BuiltInAlertRules(properties.getRules(), monitoringProperties.getHealth(), registry, history,
				recentErrors, systemMemory.getIfAvailable(), kalturaSession.getIfAvailable());
	}

	@Bean
	@ConditionalOnMissingBean
	public LoggingAlertNotifier mcpLoggingAlertNotifier() {
		return new LoggingAlertNotifier();
	}

	@Bean
	@ConditionalOnMissingBean
	public ApplicationEventAlertNotifier mcpApplicationEventAlertNotifier(ApplicationEventPublisher publisher) {
		return new ApplicationEventAlertNotifier(publisher);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnDeliveryUrl("mcp.monitoring.alerts.webhook.url")
	public WebhookAlertNotifier mcpWebhookAlertNotifier(McpAlertsProperties properties, MeterRegistry registry) {
		DeliveryOptions options = deliveryOptions(properties);
		McpAlertsProperties.Webhook webhook = properties.getWebhook();
		return SettingKeys.under("mcp.monitoring.alerts.webhook")
			.build(() -> new WebhookAlertNotifier(webhook.getUrl(), webhook.getHeaders(), options, registry));
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnDeliveryUrl("mcp.monitoring.alerts.alertmanager.url")
	public AlertmanagerAlertNotifier mcpAlertmanagerAlertNotifier(McpAlertsProperties properties,
			MeterRegistry registry, Environment environment) {
		DeliveryOptions options = deliveryOptions(properties);
		McpAlertsProperties.Alertmanager alertmanager = properties.getAlertmanager();
		return SettingKeys.under("mcp.monitoring.alerts.alertmanager")
			.build(() -> new AlertmanagerAlertNotifier(alertmanager.getUrl(), application(properties, environment),
					instance(properties, environment), alertmanager.getGeneratorUrl(),
					alertmanager.getResendInterval(), options, registry));
	}

	@Bean
	@ConditionalOnMissingBean
	public AlertEvaluator mcpAlertEvaluator(McpAlertsProperties properties, BuiltInAlertRules builtInRules,
			ObjectProvider<AlertRule> applicationRules, ObjectProvider<AlertNotifier> notifiers,
			MeterHistory history, MeterRegistry registry, MonitoringScheduler scheduler) {
		List<AlertRule> rules = new ArrayList<>(builtInRules.rules());
		applicationRules.orderedStream().forEach(rules::add);
		String runbookBaseUrl = properties.getRunbookBaseUrl();
		AlertEvaluator evaluator = SettingKeys.under("mcp.monitoring.alerts")
			.build(() -> new AlertEvaluator(rules, notifiers.orderedStream().toList(), List.of(history::capture),
					Clock.systemUTC(), properties.getRepeatInterval(),
					(rule) -> runbookBaseUrl + rule.alertName() + ".md", properties.getHistorySize(), registry));
		SettingKeys.of("mcp.monitoring.alerts.evaluation-interval")
			.build(() -> scheduler.scheduleWithFixedDelay("alert evaluation", evaluator::evaluate,
					properties.getEvaluationInterval()));
		return evaluator;
	}

	private static DeliveryOptions deliveryOptions(McpAlertsProperties properties) {
		McpAlertsProperties.Delivery delivery = properties.getDelivery();
		return SettingKeys.under("mcp.monitoring.alerts.delivery")
			.build(() -> DeliveryOptions.defaults()
				.withTimeouts(delivery.getConnectTimeout(), delivery.getRequestTimeout())
				.withQueueCapacity(delivery.getQueueCapacity())
				.withRetries(delivery.getMaxAttempts(), DeliveryOptions.defaults().initialBackoff()));
	}

	private static String application(McpAlertsProperties properties, Environment environment) {
		if (properties.getApplication() != null) {
			return properties.getApplication();
		}
		return environment.getProperty("spring.application.name", "application");
	}

	private static String instance(McpAlertsProperties properties, Environment environment) {
		if (properties.getInstance() != null) {
			return properties.getInstance();
		}
		String port = environment.getProperty("server.port", "8080");
		// A random port is only known once the server has started, after this label is fixed: leave it out.
		String suffix = "0".equals(port) ? "" : ":" + port;
		try {
			return InetAddress.getLocalHost().getHostName() + suffix;
		}
		catch (UnknownHostException ex) {
			return "localhost" + suffix;
		}
	}

	/**
	 * The {@code alerts} health component, where Spring Boot's health support is on the class path.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = BootGeneration.HEALTH_INDICATOR)
	static class AlertsHealthConfiguration {

		@Bean
		@ConditionalOnEnabledMcpHealthIndicator("alerts")
		@ConditionalOnMissingBean(name = "alertsHealthIndicator")
		AlertsHealthIndicator alertsHealthIndicator(AlertEvaluator evaluator) {
			return new AlertsHealthIndicator(evaluator);
		}

	}

}
