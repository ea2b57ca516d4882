package io.github.mcpmonitoring.core;

import java.time.Duration;
import java.util.List;

/**
 * Names, tag keys and histogram buckets of the meters the starter registers, aligned with the OpenTelemetry MCP
 * semantic conventions.
 */
public final class McpMeterNames {

	/** Timer of MCP operations; one series per tool and error type. */
	public static final String OPERATION_DURATION = "mcp.server.operation.duration";

	/** Long-task timer of MCP operations in flight. */
	public static final String OPERATION_ACTIVE = "mcp.server.operation.active";

	/** Counter of tool calls slower than their threshold. */
	public static final String OPERATION_SLOW = "mcp.server.operation.slow";

	/** Gauge of the tools the server exposes. */
	public static final String TOOLS_REGISTERED = "mcp.tools.registered";

	/** Distribution summary of the characters of text content in each tool's results; one series per tool. */
	public static final String TOOL_RESULT_SIZE = "mcp.server.tool.result.size";

	/** Timer of upstream API calls. */
	public static final String API_CALL_DURATION = "mcp.api.call.duration";

	/** Counter of upstream API calls slower than their threshold. */
	public static final String API_CALL_SLOW = "mcp.api.call.slow";

	/** Gauge of failures in a row per upstream API, reset by a success. */
	public static final String API_CONSECUTIVE_FAILURES = "mcp.api.call.consecutive.failures";

	/** Tag key of the MCP method. */
	public static final String TAG_METHOD = "mcp.method.name";

	/** Tag key of the tool name. */
	public static final String TAG_TOOL = "gen_ai.tool.name";

	/** Tag key of the outcome: {@code none}, {@code tool_error} or an exception's simple class name. */
	public static final String TAG_ERROR_TYPE = "error.type";

	/**
	 * Tag key of {@link #OPERATION_DURATION} and {@link #API_CALL_DURATION}: whose failure a call is, {@code none} on
	 * success, {@code client} for the client's mistake, {@code server} for any other failure. Ours, not the
	 * OpenTelemetry conventions'.
	 */
	public static final String TAG_ERROR_ORIGIN = "error.origin";

	/** {@link #TAG_ERROR_ORIGIN} of a successful call. */
	public static final String ORIGIN_NONE = "none";

	/** Tag key of the prompt name of {@code prompts/get}. */
	public static final String TAG_PROMPT = "gen_ai.prompt.name";

	/** Tag key of the JSON-RPC error code of an answer that is a JSON-RPC error. */
	public static final String TAG_RPC_STATUS = "rpc.response.status_code";

	/** Tag key of the GenAI operation: {@code execute_tool} on {@code tools/call}. */
	public static final String TAG_OPERATION = "gen_ai.operation.name";

	/** Tag key of the transport: {@code tcp} for the HTTP transports, {@code pipe} for stdio. */
	public static final String TAG_TRANSPORT = "network.transport";

	/** Tag key of the protocol version negotiated by the session. */
	public static final String TAG_PROTOCOL_VERSION = "mcp.protocol.version";

	/** Tag key of the resource template or static resource URI of {@code resources/read}; only on opt-in. */
	public static final String TAG_RESOURCE_URI = "mcp.resource.uri";

	/** Tag key of the client's name from {@code initialize}, as the allow-list lets it through. */
	public static final String TAG_CLIENT_NAME = "mcp.client.name";

	/** {@link #TAG_OPERATION} of {@code tools/call}. */
	public static final String OPERATION_EXECUTE_TOOL = "execute_tool";

	/** A value a client chose that is not one the server knows: never the value itself. */
	public static final String OTHER_VALUE = "_OTHER";

	/** Timer of MCP sessions, recorded when a session ends. */
	public static final String SESSION_DURATION = "mcp.server.session.duration";

	/** Gauge of the MCP sessions open now. */
	public static final String SESSION_ACTIVE = "mcp.server.session.active";

	/** Counter of requests per client, on opt-in. */
	public static final String CLIENT_REQUESTS = "mcp.server.client.requests";

	/** Tag key of the upstream API name. */
	public static final String TAG_API = "api";

	/** The MCP method of tool calls. */
	public static final String METHOD_TOOLS_CALL = "tools/call";

	/** Histogram buckets of the duration timers, as recommended by the OpenTelemetry MCP semantic conventions. */
	public static final List<Duration> DURATION_BUCKETS = List.of(Duration.ofMillis(10), Duration.ofMillis(20),
			Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(500),
			Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10),
			Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120), Duration.ofSeconds(300));

	private McpMeterNames() {
	}

	/**
	 * Return the histogram buckets of the duration timers as an array, for {@code serviceLevelObjectives}.
	 * @return the buckets
	 */
	public static Duration[] durationBuckets() {
		return DURATION_BUCKETS.toArray(Duration[]::new);
	}

}
