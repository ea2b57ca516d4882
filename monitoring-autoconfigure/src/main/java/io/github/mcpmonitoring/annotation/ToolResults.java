package io.github.mcpmonitoring.annotation;

import io.github.mcpmonitoring.core.ErrorTypes;
import io.github.mcpmonitoring.mcp.McpToolResults;

import org.springframework.util.ClassUtils;

/**
 * Tells the {@code error.type} of a value a tool method returned: {@code tool_error} for an MCP error result, else
 * {@code none}. Safe to use without the MCP SDK on the class path.
 */
final class ToolResults {

	private static final boolean MCP_PRESENT = ClassUtils.isPresent(
			"io.modelcontextprotocol.spec.McpSchema$CallToolResult", ToolResults.class.getClassLoader());

	private ToolResults() {
	}

	static String errorType(Object result) {
		return (MCP_PRESENT && McpToolResults.isError(result)) ? ErrorTypes.TOOL_ERROR : ErrorTypes.NONE;
	}

	static String errorMessage(Object result) {
		// McpToolResults is loaded only when the MCP SDK is present.
		return MCP_PRESENT ? McpToolResults.firstText(result) : null;
	}

}
