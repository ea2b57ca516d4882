package io.github.mcpmonitoring.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.github.mcpmonitoring.core.ApiCallMetrics;
import io.github.mcpmonitoring.core.CallFailureListener;
import io.github.mcpmonitoring.core.CompositeCallFailureListener;
import io.github.mcpmonitoring.core.ErrorTypeCardinalityFilter;
import io.github.mcpmonitoring.core.InFlightCalls;
import io.github.mcpmonitoring.core.MonitoringScheduler;
import io.github.mcpmonitoring.core.OperationTags;
import io.github.mcpmonitoring.core.ToolCallMetrics;
import io.github.mcpmonitoring.errors.AuthenticationFailures;
import io.github.mcpmonitoring.errors.MessageRedactor;
import io.github.mcpmonitoring.errors.RecentErrors;
import io.github.mcpmonitoring.errors.RedactedValuesProvider;
import io.github.mcpmonitoring.failures.CompositeFailureClassifier;
import io.github.mcpmonitoring.failures.DefaultFailureClassifier;
import io.github.mcpmonitoring.failures.FailureClassifier;
import io.github.mcpmonitoring.kaltura.KalturaSessionMetrics;
import io.github.mcpmonitoring.kaltura.KalturaSessionStatusProvider;
import io.github.mcpmonitoring.requests.McpTransports;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The beans of {@link McpMonitoringAutoConfiguration}, the same for every Spring Boot generation: the meters that
 * record MCP tool calls and upstream API calls, the counter of authentication failures among them and, when the
 * application reports its Kaltura session, the session state gauges.
 */
@Configuration(proxyBeanMethods = false)
class McpMonitoringConfiguration {

	@Bean
	@ConditionalOnMissingBean
	public ToolCallMetrics mcpToolCallMetrics(MeterRegistry registry, McpMonitoringProperties properties,
			ObjectProvider<CallFailureListener> failureListeners, ObjectProvider<FailureClassifier> classifiers,
			MonitoringScheduler scheduler, Environment environment) {
		Duration slowCallLogInterval = properties.getSlowCallLogInterval();
		SettingKeys keys = SettingKeys.of("mcp.monitoring.slow-call-log-interval");
		FailureClassifier classifier = classifier(properties, classifiers);
		InFlightCalls inFlightCalls = new InFlightCalls();
		SettingKeys.of("mcp.monitoring.tools.in-flight-sampling-interval")
			.build(() -> scheduler.scheduleWithFixedDelay("sampling of tool calls in flight", inFlightCalls::sample,
					properties.getTools().getInFlightSamplingInterval()));
		OperationTags operationTags = operationTags(environment);
		return keys.build(() -> new ToolCallMetrics(registry, slowCallLogInterval, allOf(failureListeners),
				inFlightCalls, classifier, operationTags));
	}

	/**
	 * The tag keys every series of the operation timer carries: the transport of calls without a request record is
	 * the one the MCP server is configured with, and the resource URI key is there only when switched on.
	 */
	private static OperationTags operationTags(Environment environment) {
		boolean stdio = environment.getProperty("spring.ai.mcp.server.stdio", Boolean.class, false);
		boolean resourceUri = environment.getProperty("mcp.monitoring.requests.resource-uri.enabled", Boolean.class,
				false);
		return new OperationTags(stdio ? McpTransports.PIPE : McpTransports.TCP, resourceUri);
	}

	@Bean
	@ConditionalOnMissingBean
	public ApiCallMetrics mcpApiCallMetrics(MeterRegistry registry, McpMonitoringProperties properties,
			ObjectProvider<CallFailureListener> failureListeners, ObjectProvider<FailureClassifier> classifiers) {
		FailureClassifier classifier = classifier(properties, classifiers);
		return SettingKeys.of("mcp.monitoring.slow-call-log-interval")
			.build(() -> new ApiCallMetrics(registry, properties.getSlowCallLogInterval(), allOf(failureListeners),
					classifier));
	}

	/** The application's classifiers in their order, then the starter's own. */
	private static FailureClassifier classifier(McpMonitoringProperties properties,
			ObjectProvider<FailureClassifier> classifiers) {
		DefaultFailureClassifier fallback = SettingKeys.under("mcp.monitoring")
			.build(() -> new DefaultFailureClassifier(properties.getClientErrorTypes(),
					properties.getAuthFailurePatterns()));
		return new CompositeFailureClassifier(classifiers.orderedStream().toList(), fallback);
	}

	@Bean
	@ConditionalOnMissingBean
	public RecentErrors mcpRecentErrors(McpMonitoringProperties properties,
			ObjectProvider<RedactedValuesProvider> redactedValuesProviders) {
		McpMonitoringProperties.RecentErrors recentErrors = properties.getHealth().getRecentErrors();
		List<String> redactedValues = redactedValues(recentErrors.getRedactedValues(), redactedValuesProviders);
		SettingKeys keys = SettingKeys.under("mcp.monitoring.health.recent-errors")
			.with("maxLength", "mcp.monitoring.health.recent-errors.message-max-length");
		MessageRedactor redactor = keys
			.build(() -> new MessageRedactor(redactedValues, recentErrors.getMessageMaxLength()));
		return keys.build(() -> new RecentErrors(recentErrors.getCapacity(), redactor));
	}

	@Bean
	@ConditionalOnMissingBean
	public MonitoringScheduler mcpMonitoringScheduler() {
		return new MonitoringScheduler(2);
	}

	/** The values every redactor removes: the configured ones and those of the providers. */
	static List<String> redactedValues(List<String> configured,
			ObjectProvider<RedactedValuesProvider> redactedValuesProviders) {
		List<String> redactedValues = new ArrayList<>(configured);
		redactedValuesProviders.orderedStream()
			.map(RedactedValuesProvider::redactedValues)
			.filter(Objects::nonNull)
			.forEach(redactedValues::addAll);
		return redactedValues;
	}

	private static CallFailureListener allOf(ObjectProvider<CallFailureListener> failureListeners) {
		return new CompositeCallFailureListener(failureListeners.orderedStream().toList());
	}

	@Bean
	@ConditionalOnMissingBean
	public AuthenticationFailures mcpAuthenticationFailures(MeterRegistry registry) {
		return new AuthenticationFailures(registry);
	}

	@Bean
	@ConditionalOnMissingBean
	public ErrorTypeCardinalityFilter mcpErrorTypeCardinalityFilter(McpMonitoringProperties properties) {
		return SettingKeys.under("mcp.monitoring")
			.build(() -> new ErrorTypeCardinalityFilter(properties.getMaxErrorTypes()));
	}

	/**
	 * The {@code mcp.kaltura.session.state} gauges, when the application reports a Kaltura session.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(KalturaSessionStatusProvider.class)
	static class KalturaSessionMetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		KalturaSessionMetrics mcpKalturaSessionMetrics(KalturaSessionStatusProvider provider) {
			return new KalturaSessionMetrics(provider);
		}

	}

}
