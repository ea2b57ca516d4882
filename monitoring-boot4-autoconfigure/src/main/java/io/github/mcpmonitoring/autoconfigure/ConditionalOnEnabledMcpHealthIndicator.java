package io.github.mcpmonitoring.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.core.annotation.AliasFor;

/**
 * Boot's {@link ConditionalOnEnabledHealthIndicator} under a name that is the same for every Spring Boot generation,
 * so that the shared health bean methods keep Boot's {@code management.health.<id>.enabled} switches.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
@Documented
@ConditionalOnEnabledHealthIndicator("")
@interface ConditionalOnEnabledMcpHealthIndicator {

	/**
	 * The id of the health component, as in {@code management.health.<id>.enabled}.
	 * @return the id
	 */
	@AliasFor(annotation = ConditionalOnEnabledHealthIndicator.class, attribute = "value")
	String value();

}
