package io.github.mcpmonitoring.toolcall;

import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;

/**
 * What the instrumentation reads from an MCP tool result: whether it is an error, and its text. Loaded only when the
 * MCP SDK is present.
 */
final class McpToolResults {

	private McpToolResults() {
	}

	static boolean isError(Object result) {
		return result instanceof CallToolResult toolResult && Boolean.TRUE.equals(toolResult.isError());
	}

	static String firstText(Object result) {
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
