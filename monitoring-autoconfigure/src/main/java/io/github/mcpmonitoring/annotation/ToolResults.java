package io.github.mcpmonitoring.annotation;

import io.github.mcpmonitoring.core.ErrorTypes;
import io.modelcontextprotocol.spec.McpSchema;

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
		return (MCP_PRESENT && McpResults.isError(result)) ? ErrorTypes.TOOL_ERROR : ErrorTypes.NONE;
	}

	static String errorMessage(Object result) {
		return MCP_PRESENT ? McpResults.firstText(result) : null;
	}

	/** Loaded only when the MCP SDK is present. */
	private static final class McpResults {

		static boolean isError(Object result) {
			return result instanceof McpSchema.CallToolResult toolResult && Boolean.TRUE.equals(toolResult.isError());
		}

		static String firstText(Object result) {
			if (result instanceof McpSchema.CallToolResult toolResult && toolResult.content() != null) {
				for (McpSchema.Content content : toolResult.content()) {
					if (content instanceof McpSchema.TextContent text) {
						return text.text();
					}
				}
			}
			return null;
		}

	}

}
