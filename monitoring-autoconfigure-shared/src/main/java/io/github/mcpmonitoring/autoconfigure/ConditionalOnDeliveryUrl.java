package io.github.mcpmonitoring.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * {@link Conditional @Conditional} that matches when the property holding an alert delivery URL has text, so that an
 * empty value such as {@code ${ALERTMANAGER_URL:}} means the channel is not configured.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
@Documented
@Conditional(OnDeliveryUrlCondition.class)
@interface ConditionalOnDeliveryUrl {

	/**
	 * The property that holds the URL.
	 * @return the property name
	 */
	String value();

}
