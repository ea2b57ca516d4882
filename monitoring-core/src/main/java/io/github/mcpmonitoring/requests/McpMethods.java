package io.github.mcpmonitoring.requests;

import java.util.Map;
import java.util.Set;

import io.github.mcpmonitoring.core.McpMeterNames;

/**
 * Bounded values of {@code mcp.method.name}: the request methods of the MCP specification as they are, any other
 * method the server answered with a result (it has a handler for it, and the server's handlers are finite), and
 * {@code _OTHER} for the rest, which the client chose.
 */
final class McpMethods {

	static final String INITIALIZE = "initialize";

	static final String PROMPTS_GET = "prompts/get";

	static final String RESOURCES_READ = "resources/read";

	/** The longest method name of a handler kept as a value; a server's own methods are short. */
	private static final int MAX_HANDLER_METHOD_LENGTH = 100;

	private static final Set<String> SPECIFICATION = Set.of(INITIALIZE, "ping", "tools/list",
			McpMeterNames.METHOD_TOOLS_CALL, "resources/list", RESOURCES_READ, "resources/templates/list",
			"resources/subscribe", "resources/unsubscribe", "prompts/list", PROMPTS_GET, "completion/complete",
			"logging/setLevel");

	private McpMethods() {
	}

	/**
	 * Return the value of {@code mcp.method.name} of a request.
	 * @param method the method the client sent
	 * @param errorCode the JSON-RPC error code of the answer, or {@code null} when the answer is a result
	 * @return the bounded method name
	 */
	static String bounded(String method, Integer errorCode) {
		if (method == null) {
			return McpMeterNames.OTHER_VALUE;
		}
		if (SPECIFICATION.contains(method)) {
			return method;
		}
		// Only a result proves a handler: SDK 0.18's stateless server answers an unknown method with an internal error.
		return (errorCode == null && method.length() <= MAX_HANDLER_METHOD_LENGTH) ? method : McpMeterNames.OTHER_VALUE;
	}

	/** Return a string parameter of a request whose params the transport left as a map, or {@code null}. */
	static String stringParam(Object params, String name) {
		if (params instanceof Map<?, ?> map && map.get(name) instanceof String value) {
			return value;
		}
		return null;
	}

}
