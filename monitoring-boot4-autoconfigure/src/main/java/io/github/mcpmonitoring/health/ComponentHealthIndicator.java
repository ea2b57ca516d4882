package io.github.mcpmonitoring.health;

import java.util.function.Supplier;

import io.github.mcpmonitoring.status.ComponentStatus;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * A health indicator that shows a core {@link ComponentStatus} as Spring Boot health: the status by its code, the
 * details as they are, in their order.
 */
public class ComponentHealthIndicator implements HealthIndicator {

	private final Supplier<ComponentStatus> report;

	/**
	 * Create an indicator.
	 * @param report the component's status, asked on every health request
	 */
	public ComponentHealthIndicator(Supplier<ComponentStatus> report) {
		this.report = report;
	}

	@Override
	public Health health() {
		ComponentStatus status = this.report.get();
		return Health.status(status.status()).withDetails(status.details()).build();
	}

}
