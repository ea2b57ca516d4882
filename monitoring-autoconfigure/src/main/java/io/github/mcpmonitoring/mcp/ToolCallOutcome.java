package io.github.mcpmonitoring.mcp;

import io.github.mcpmonitoring.core.ErrorTypes;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;

/**
 * Classifies the outcome of an MCP tool call as an {@code error.type}.
 */
final class ToolCallOutcome {

	private ToolCallOutcome() {
	}

	/**
	 * Return the error type of a call.
	 * @param result the result the handler returned, or {@code null} when it threw
	 * @param thrown the exception the handler threw, or {@code null}
	 * @param toolMethodFailure the error type of the exception the tool method threw before the framework turned it
	 * into an error result, or {@code null} when unknown
	 * @return the error type
	 */
	static String errorType(CallToolResult result, Throwable thrown, String toolMethodFailure) {
		if (thrown != null) {
			return ErrorTypes.of(thrown);
		}
		if (result != null && Boolean.TRUE.equals(result.isError())) {
			return (toolMethodFailure != null) ? toolMethodFailure : ErrorTypes.TOOL_ERROR;
		}
		return ErrorTypes.NONE;
	}

}
