package io.github.mcpmonitoring.benchmarks;

import java.lang.annotation.Annotation;

import org.springframework.ai.mcp.annotation.McpTool;

/**
 * A bean with one {@code @McpTool} method as Spring AI 2.0 declares it: the only test code that differs between the
 * two Spring AI lines.
 */
public class GreetingTools {

	/** The {@code @McpTool} annotation of this Spring AI line. */
	public static final Class<? extends Annotation> MCP_TOOL = McpTool.class;

	/**
	 * Greet someone.
	 * @param name who to greet
	 * @return the greeting
	 */
	@McpTool(name = "greet", description = "Greets")
	public String greet(String name) {
		return "Hello " + name;
	}

}
