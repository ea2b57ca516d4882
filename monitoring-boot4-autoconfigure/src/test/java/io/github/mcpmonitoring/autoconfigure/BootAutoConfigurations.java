package io.github.mcpmonitoring.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;

/**
 * Spring Boot 4's own auto-configurations that the shared tests run the starter's with, under names that are the
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
		return AutoConfigurations.of(HealthContributorAutoConfiguration.class,
				HealthContributorRegistryAutoConfiguration.class, HealthEndpointAutoConfiguration.class);
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
		return AutoConfigurations.of(ObservationAutoConfiguration.class, OpenTelemetrySdkAutoConfiguration.class,
				OpenTelemetryTracingAutoConfiguration.class, MicrometerTracingAutoConfiguration.class);
	}

}
