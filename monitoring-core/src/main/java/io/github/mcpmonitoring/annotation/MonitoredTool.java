package io.github.mcpmonitoring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an MCP tool method whose calls are timed as {@code mcp.server.operation.duration}.
 * <p>
 * On a Spring AI tool method ({@code @Tool} or {@code @McpTool}) the call is already counted by the tool
 * instrumentation; this annotation then only refines the tool name and the slow-call threshold of that one count.
 * On any other method (a custom dispatcher, a plain MCP SDK handler) it records the call itself.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface MonitoredTool {

	/**
	 * Tool name used as the {@code gen_ai.tool.name} tag. Empty means the name Spring AI gives the tool, or the
	 * method name when the method is not a Spring AI tool.
	 * @return the tool name, or empty for the default
	 */
	String name() default "";

	/**
	 * Duration above which a call is reported as slow, such as {@code "500ms"} or {@code "2s"}; a number needs its
	 * unit ({@code "2"} fails startup). Empty means the configured default ({@code mcp.monitoring.tools.slow-threshold}).
	 * @return the slow-call threshold, or empty for the default
	 */
	String slowThreshold() default "";

}
