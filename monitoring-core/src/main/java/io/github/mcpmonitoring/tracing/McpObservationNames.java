package io.github.mcpmonitoring.tracing;

/**
 * Names of the starter's observations and of the attributes it puts on their spans.
 */
public final class McpObservationNames {

	/** Observation of one MCP request; its span is named {@code {mcp.method.name} {target}}. */
	public static final String REQUEST = "mcp.server.operation";

	/** Observation of one call of a {@code @MonitoredApiCall} method; its span is named after the API. */
	public static final String API_CALL = "mcp.api.call";

	/** The JSON-RPC method of the request. */
	public static final String METHOD = "mcp.method.name";

	/** The tool a {@code tools/call} request names. */
	public static final String TOOL = "gen_ai.tool.name";

	/** The prompt a {@code prompts/get} request names. */
	public static final String PROMPT = "gen_ai.prompt.name";

	/** {@code execute_tool} on {@code tools/call}. */
	public static final String OPERATION = "gen_ai.operation.name";

	/** {@code tcp} for the HTTP transports, {@code pipe} for stdio. */
	public static final String TRANSPORT = "network.transport";

	/** The negotiated protocol version of the session. */
	public static final String PROTOCOL_VERSION = "mcp.protocol.version";

	/** What failed; absent on success. */
	public static final String ERROR_TYPE = "error.type";

	/** Whose mistake a failure was: {@code client} or {@code server}; absent on success. */
	public static final String ERROR_ORIGIN = "error.origin";

	/** The JSON-RPC error code of the answer, when it is a JSON-RPC error. */
	public static final String STATUS_CODE = "rpc.response.status_code";

	/** The MCP session id (on spans only, never on meters). */
	public static final String SESSION_ID = "mcp.session.id";

	/** The JSON-RPC request id (on spans only, never on meters). */
	public static final String REQUEST_ID = "jsonrpc.request.id";

	/** The name of the upstream API, as {@code @MonitoredApiCall} gives it. */
	public static final String API = "api";

	/** The {@code tools/call} method. */
	public static final String TOOLS_CALL = "tools/call";

	/** The {@code prompts/get} method. */
	public static final String PROMPTS_GET = "prompts/get";

	/** The value of {@link #OPERATION} on {@code tools/call}. */
	public static final String EXECUTE_TOOL = "execute_tool";

	private McpObservationNames() {
	}

}
