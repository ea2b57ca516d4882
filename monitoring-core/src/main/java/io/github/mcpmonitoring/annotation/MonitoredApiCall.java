package io.github.mcpmonitoring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method that calls an upstream API on behalf of MCP tools; each call is timed as
 * {@code mcp.api.call.duration} and consecutive failures are tracked per API.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface MonitoredApiCall {

	/**
	 * API name used as the {@code api} tag, such as {@code kaltura.media.get}. Must be a fixed value: it becomes a
	 * metric label.
	 * @return the API name
	 */
	String value();

	/**
	 * Duration above which a call is reported as slow, such as {@code "500ms"} or {@code "2s"}; a number needs its
	 * unit ({@code "2"} fails startup). Empty means the configured default ({@code mcp.monitoring.api.slow-threshold}).
	 * @return the slow-call threshold, or empty for the default
	 */
	String slowThreshold() default "";

}
