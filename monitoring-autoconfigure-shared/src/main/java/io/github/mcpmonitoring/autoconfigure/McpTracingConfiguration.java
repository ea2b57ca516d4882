package io.github.mcpmonitoring.autoconfigure;

import java.util.List;

import io.github.mcpmonitoring.errors.MessageRedactor;
import io.github.mcpmonitoring.errors.RedactedValuesProvider;
import io.github.mcpmonitoring.tracing.ApiCallObservations;
import io.github.mcpmonitoring.tracing.McpAccessLog;
import io.github.mcpmonitoring.tracing.McpRequestObservations;
import io.github.mcpmonitoring.tracing.McpRequestTracingObservationHandler;
import io.github.mcpmonitoring.tracing.StarterMeteredObservationHandler;
import io.github.mcpmonitoring.tracing.ToolContentCapture;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * The starter's observations when the application traces, and its access log; imported by each generation's
 * {@code McpTracingAutoConfiguration}, which runs after Spring Boot's observation and tracing auto-configurations.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(McpTracingProperties.class)
class McpTracingConfiguration {

	/**
	 * Order of the handler that makes the spans of MCP requests: before Boot's receiving handler (order 1000), which
	 * supports every receiving context.
	 */
	static final int REQUEST_TRACING_HANDLER_ORDER = 500;

	/** Longest tool arguments or result text a span carries, after redaction. */
	static final int CAPTURED_CONTENT_MAX_LENGTH = 1024;

	@Bean
	@ConditionalOnClass(name = "org.slf4j.Logger")
	@ConditionalOnProperty(prefix = "mcp.monitoring.access-log", name = "enabled")
	@ConditionalOnMissingBean
	McpAccessLog mcpAccessLog() {
		return new McpAccessLog();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Tracer.class)
	@ConditionalOnBean({ Tracer.class, ObservationRegistry.class })
	@ConditionalOnProperty(prefix = "mcp.monitoring.tracing", name = "enabled", matchIfMissing = true)
	static class ObservationsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		McpRequestObservations mcpRequestObservations(ObservationRegistry registry, Tracer tracer) {
			return new McpRequestObservations(tracedOnly(registry, tracer));
		}

		@Bean
		@ConditionalOnProperty(prefix = "mcp.monitoring.tracing.capture-content", name = "enabled")
		@ConditionalOnMissingBean
		ToolContentCapture mcpToolContentCapture(ObjectProvider<McpMonitoringProperties> properties,
				ObjectProvider<RedactedValuesProvider> redactedValuesProviders) {
			McpMonitoringProperties monitoring = properties.getIfAvailable();
			List<String> configured = (monitoring != null)
					? monitoring.getHealth().getRecentErrors().getRedactedValues() : List.of();
			return new ToolContentCapture(new MessageRedactor(
					McpMonitoringConfiguration.redactedValues(configured, redactedValuesProviders),
					CAPTURED_CONTENT_MAX_LENGTH));
		}

		@Bean
		@ConditionalOnMissingBean
		ApiCallObservations mcpApiCallObservations(ObservationRegistry registry, Tracer tracer) {
			return new ApiCallObservations(tracedOnly(registry, tracer));
		}

		/**
		 * Boot registers a no-op tracer when Micrometer Tracing has no bridge: our observations would then only
		 * cost.
		 */
		private static ObservationRegistry tracedOnly(ObservationRegistry registry, Tracer tracer) {
			return (tracer == Tracer.NOOP) ? ObservationRegistry.NOOP : registry;
		}

		// First among the meter handlers; registered after Boot 3.5 decided on its default meter handler, which it
		// leaves out when any meter handler bean exists.
		@Bean
		@Order(Ordered.HIGHEST_PRECEDENCE)
		@ConditionalOnMissingBean
		StarterMeteredObservationHandler mcpStarterMeteredObservationHandler() {
			return new StarterMeteredObservationHandler();
		}

		@Bean
		@Order(REQUEST_TRACING_HANDLER_ORDER)
		@ConditionalOnBean(Propagator.class)
		@ConditionalOnMissingBean
		McpRequestTracingObservationHandler mcpRequestTracingObservationHandler(Tracer tracer, Propagator propagator) {
			return new McpRequestTracingObservationHandler(tracer, propagator);
		}

	}

}
