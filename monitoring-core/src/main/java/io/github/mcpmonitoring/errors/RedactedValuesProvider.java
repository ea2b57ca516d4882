package io.github.mcpmonitoring.errors;

import java.util.Collection;

/**
 * Implemented by an application that knows secrets its failure messages may carry, such as the Kaltura admin secret
 * its session provider signs in with, so that they are removed from recent errors without being configured twice.
 * <p>
 * Every bean of this type is read once, when the recent-errors buffer is created; its values are removed in addition
 * to {@code mcp.monitoring.health.recent-errors.redacted-values}, in any letter case and URL-encoded too.
 */
@FunctionalInterface
public interface RedactedValuesProvider {

	/**
	 * Return literal values to remove from failure messages.
	 * @return the values; {@code null} and blank values are ignored
	 */
	Collection<String> redactedValues();

}
