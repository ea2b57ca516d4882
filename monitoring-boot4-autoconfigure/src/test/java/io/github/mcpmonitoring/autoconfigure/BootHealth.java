package io.github.mcpmonitoring.autoconfigure;

import java.util.Map;

import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.context.ApplicationContext;

/**
 * Spring Boot 4's health beans read as plain values, so that the shared tests name no health class that moved
 * between generations.
 */
final class BootHealth {

	private BootHealth() {
	}

	/**
	 * Boot's health indicator type, for a class loader that hides it.
	 * @return its class
	 */
	static Class<?> indicatorType() {
		return HealthIndicator.class;
	}

	/**
	 * The health a health indicator bean reports now.
	 * @param context the application context
	 * @param beanName the indicator's bean name
	 * @return its status code and details
	 */
	static ComponentHealth component(ApplicationContext context, String beanName) {
		Health health = context.getBean(beanName, HealthIndicator.class).health();
		return new ComponentHealth(health.getStatus().getCode(), health.getDetails());
	}

	/**
	 * Whether Boot's health registry has a contributor of that name.
	 * @param context the application context
	 * @param name the component name
	 * @return {@code true} when the component shows on the health endpoint
	 */
	static boolean isContributed(ApplicationContext context, String name) {
		return context.getBean(HealthContributorRegistry.class).getContributor(name) != null;
	}

	/**
	 * A health indicator of the application that always reports {@code UP}.
	 * @return the indicator
	 */
	static Object upIndicator() {
		return (HealthIndicator) () -> Health.up().build();
	}

	/**
	 * The aggregate status of the health endpoint.
	 * @param context the application context
	 * @return its code
	 */
	static String aggregateStatus(ApplicationContext context) {
		return context.getBean(HealthEndpoint.class).health().getStatus().getCode();
	}

	/**
	 * The HTTP status the primary health group answers for a status.
	 * @param context the application context
	 * @param code the status code
	 * @return the HTTP status
	 */
	static int httpStatus(ApplicationContext context, String code) {
		return context.getBean(HealthEndpointGroups.class)
			.getPrimary()
			.getHttpCodeStatusMapper()
			.getStatusCode(new Status(code));
	}

	/**
	 * The health of one component.
	 * @param status the status code
	 * @param details the details, in their order
	 */
	record ComponentHealth(String status, Map<String, Object> details) {
	}

}
