package io.github.mcpmonitoring.failures;

/**
 * What is known about a failed tool or upstream API call when it is classified.
 *
 * @param kind {@code tool} or {@code api}
 * @param name the tool or API name
 * @param failure the exception the call ended with, or {@code null} when a tool returned an error result without
 * one being seen
 * @param errorResultText the text of the tool's error result when there is no exception, or {@code null}; may
 * contain anything the client sent
 * @param noUpstreamCall whether it is known that no {@code @MonitoredApiCall} method ran inside this tool call;
 * {@code false} when it is not known and for API calls
 * @param beforeToolMethod whether it is known that the MCP framework answered with an error result without entering
 * the tool method, as Spring AI does when it cannot convert the arguments to the method's parameter types and MCP SDK
 * 2.0 does when the arguments do not match the tool's input schema
 */
public record FailedCall(String kind, String name, Throwable failure, String errorResultText, boolean noUpstreamCall,
		boolean beforeToolMethod) {

	/** Kind of a failed tool call. */
	public static final String TOOL = "tool";

	/** Kind of a failed upstream API call. */
	public static final String API = "api";

	/**
	 * Describe a failed tool call.
	 * @param name the tool name
	 * @param failure the exception, or {@code null}
	 * @param errorResultText the text of the error result when there is no exception, or {@code null}
	 * @param noUpstreamCall whether it is known that no upstream API call ran inside the tool call
	 * @param beforeToolMethod whether it is known that the framework answered before entering the tool method
	 * @return the failed call
	 */
	public static FailedCall tool(String name, Throwable failure, String errorResultText, boolean noUpstreamCall,
			boolean beforeToolMethod) {
		return new FailedCall(TOOL, name, failure, errorResultText, noUpstreamCall, beforeToolMethod);
	}

	/**
	 * Describe a failed upstream API call.
	 * @param name the API name
	 * @param failure the exception
	 * @return the failed call
	 */
	public static FailedCall api(String name, Throwable failure) {
		return new FailedCall(API, name, failure, null, false, false);
	}

	/**
	 * Tell whether this is a tool call.
	 * @return whether the kind is {@code tool}
	 */
	public boolean isTool() {
		return TOOL.equals(this.kind);
	}

}
