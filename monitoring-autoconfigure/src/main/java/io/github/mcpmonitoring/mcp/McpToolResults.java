package io.github.mcpmonitoring.mcp;

import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;

/**
 * What the instrumentation reads from an MCP tool result: whether it is an error, and its text.
 */
public final class McpToolResults {

	private McpToolResults() {
	}

	/**
	 * Tell whether a value is an MCP error result.
	 * @param result any value, may be {@code null}
	 * @return whether it is a {@link CallToolResult} with {@code isError=true}
	 */
	public static boolean isError(Object result) {
		return result instanceof CallToolResult toolResult && Boolean.TRUE.equals(toolResult.isError());
	}

	/**
	 * Return the first text content of an MCP tool result, where frameworks put the message of a failure.
	 * @param result any value, may be {@code null}
	 * @return the text, or {@code null} when the value is not a tool result or has no text
	 */
	public static String firstText(Object result) {
		if (result instanceof CallToolResult toolResult && toolResult.content() != null) {
			for (McpSchema.Content content : toolResult.content()) {
				if (content instanceof McpSchema.TextContent text) {
					return text.text();
				}
			}
		}
		return null;
	}

}
