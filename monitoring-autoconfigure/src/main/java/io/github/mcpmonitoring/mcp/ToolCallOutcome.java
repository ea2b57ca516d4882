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
		if (McpToolResults.isError(result)) {
			return (toolMethodFailure != null) ? toolMethodFailure : ErrorTypes.TOOL_ERROR;
		}
		return ErrorTypes.NONE;
	}

	/**
	 * Return a description of a failed call: the message of the exception, or the text of the error result.
	 * @param result the result the handler returned, or {@code null} when it threw
	 * @param thrown the exception the handler threw, or {@code null}
	 * @param toolMethodFailure the exception the tool method threw, or {@code null} when unknown
	 * @return the description, or {@code null}
	 */
	static String failureMessage(CallToolResult result, Throwable thrown, Throwable toolMethodFailure) {
		Throwable failure = (thrown != null) ? thrown : toolMethodFailure;
		if (failure != null) {
			return ErrorTypes.messageOf(failure);
		}
		return McpToolResults.firstText(result);
	}

}
