package io.github.mcpmonitoring.autoconfigure;

import org.springframework.boot.actuate.autoconfigure.health.HealthContributorAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.health.HealthEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.opentelemetry.OpenTelemetryAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.tracing.MicrometerTracingAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.tracing.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;

/**
 * Spring Boot 3.5's own auto-configurations that the shared tests run the starter's with, under names that are the
 * same for every generation.
 */
final class BootAutoConfigurations {

	private BootAutoConfigurations() {
	}

	/**
	 * Boot's metrics with the simple registry.
	 * @return the auto-configurations
	 */
	static AutoConfigurations metrics() {
		return AutoConfigurations.of(MetricsAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
				SimpleMetricsExportAutoConfiguration.class);
	}

	/**
	 * Boot's health contributor registry and health endpoint.
	 * @return the auto-configurations
	 */
	static AutoConfigurations health() {
		return AutoConfigurations.of(HealthContributorAutoConfiguration.class, HealthEndpointAutoConfiguration.class);
	}

	/**
	 * Boot's metrics auto-configuration, for a class loader that hides it.
	 * @return its class
	 */
	static Class<?> metricsAutoConfiguration() {
		return MetricsAutoConfiguration.class;
	}

	/**
	 * Boot's observations and Micrometer Tracing over the OpenTelemetry SDK.
	 * @return the auto-configurations
	 */
	static AutoConfigurations tracing() {
		return AutoConfigurations.of(ObservationAutoConfiguration.class, OpenTelemetryAutoConfiguration.class,
				OpenTelemetryTracingAutoConfiguration.class, MicrometerTracingAutoConfiguration.class);
	}

}
