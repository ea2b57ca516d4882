package io.github.mcpmonitoring.toolcall;

import io.github.mcpmonitoring.core.ErrorTypes;

import org.springframework.util.ClassUtils;

/**
 * Tells the {@code error.type} and the failure message of a tool call from what it returned or threw: an MCP error
 * result is {@code tool_error} unless the exception behind it is known. Safe to use without the MCP SDK on the class
 * path.
 */
public final class ToolResults {

	private static final boolean MCP_PRESENT = ClassUtils.isPresent(
			"io.modelcontextprotocol.spec.McpSchema$CallToolResult", ToolResults.class.getClassLoader());

	private ToolResults() {
	}

	/**
	 * Return the error type of a value a tool returned.
	 * @param result any value, may be {@code null}
	 * @return {@code tool_error} for an MCP error result, else {@code none}
	 */
	public static String errorType(Object result) {
		return isErrorResult(result) ? ErrorTypes.TOOL_ERROR : ErrorTypes.NONE;
	}

	/**
	 * Return the text of an MCP tool result, where frameworks put the message of a failure.
	 * @param result any value, may be {@code null}
	 * @return the first text content, or {@code null} when the value is not a tool result or has no text
	 */
	public static String errorMessage(Object result) {
		// McpToolResults is loaded only when the MCP SDK is present.
		return MCP_PRESENT ? McpToolResults.firstText(result) : null;
	}

	static boolean isErrorResult(Object result) {
		return MCP_PRESENT && McpToolResults.isError(result);
	}

	/**
	 * Return the error type of a call.
	 * @param result the result the handler returned, or {@code null} when it threw
	 * @param thrown the exception the handler threw, or {@code null}
	 * @param toolMethodFailure the error type of the exception the tool method threw before the framework turned it
	 * into an error result, or {@code null} when unknown
	 * @return the error type
	 */
	static String errorType(Object result, Throwable thrown, String toolMethodFailure) {
		if (thrown != null) {
			return ErrorTypes.of(thrown);
		}
		if (isErrorResult(result)) {
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
	static String failureMessage(Object result, Throwable thrown, Throwable toolMethodFailure) {
		Throwable failure = (thrown != null) ? thrown : toolMethodFailure;
		if (failure != null) {
			return ErrorTypes.messageOf(failure);
		}
		return errorMessage(result);
	}

}
