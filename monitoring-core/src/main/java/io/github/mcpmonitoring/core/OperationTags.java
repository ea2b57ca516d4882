package io.github.mcpmonitoring.core;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Timer;

/**
 * The tag keys of {@code mcp.server.operation.duration}, the same on every series whichever layer records it (the
 * request layer, the tool call handlers, {@code @MonitoredTool} outside MCP), since Prometheus wants one key set per
 * name. An attribute that does not apply is the empty string. {@code mcp.resource.uri} is a key only when switched on,
 * so the key set depends on configuration alone.
 */
public final class OperationTags {

	/** No transport known and no resource URI key: what tool calls recorded outside any MCP server carry. */
	public static final OperationTags NONE = new OperationTags("", false);

	private final boolean resourceUri;

	private final Map<ConnectionTags, ConnectionTags> connections = new ConcurrentHashMap<>();

	private final ConnectionTags defaultConnection;

	/**
	 * Create the tags of one application.
	 * @param defaultTransport the transport of calls that arrive without a request record ({@code tcp}, {@code pipe}
	 * or {@code ""})
	 * @param resourceUri whether every series carries {@code mcp.resource.uri}
	 */
	public OperationTags(String defaultTransport, boolean resourceUri) {
		this.resourceUri = resourceUri;
		this.defaultConnection = connection("", defaultTransport);
	}

	/**
	 * Return the one instance of a protocol version and transport pair. The caller bounds the values.
	 * @param protocolVersion the protocol version, or {@code ""}
	 * @param transport the transport
	 * @return the connection tags
	 */
	public ConnectionTags connection(String protocolVersion, String transport) {
		ConnectionTags tags = new ConnectionTags(protocolVersion, transport);
		ConnectionTags known = this.connections.putIfAbsent(tags, tags);
		return (known != null) ? known : tags;
	}

	/**
	 * Return the connection tags of calls that arrive without a request record.
	 * @return the default connection tags
	 */
	public ConnectionTags defaultConnection() {
		return this.defaultConnection;
	}

	/**
	 * Tell whether every series carries {@code mcp.resource.uri}.
	 * @return whether the resource URI is a key
	 */
	public boolean resourceUri() {
		return this.resourceUri;
	}

	/**
	 * Tag a timer builder with the full key set.
	 * @param builder the builder
	 * @param method the bounded method name
	 * @param tool the tool name, or {@code ""}
	 * @param prompt the prompt name, or {@code ""}
	 * @param resourceUri the resource template or URI, or {@code ""}; ignored unless the key is on
	 * @param errorType the error type, {@code none} on success
	 * @param errorOrigin the error origin
	 * @param status the JSON-RPC error code, or {@code ""}
	 * @param connection the connection tags
	 * @return the builder
	 */
	public Timer.Builder tag(Timer.Builder builder, String method, String tool, String prompt, String resourceUri,
			String errorType, String errorOrigin, String status, ConnectionTags connection) {
		builder.tag(McpMeterNames.TAG_METHOD, method)
			.tag(McpMeterNames.TAG_TOOL, tool)
			.tag(McpMeterNames.TAG_PROMPT, prompt)
			.tag(McpMeterNames.TAG_ERROR_TYPE, errorType)
			.tag(McpMeterNames.TAG_ERROR_ORIGIN, errorOrigin)
			.tag(McpMeterNames.TAG_RPC_STATUS, status)
			.tag(McpMeterNames.TAG_OPERATION,
					McpMeterNames.METHOD_TOOLS_CALL.equals(method) ? McpMeterNames.OPERATION_EXECUTE_TOOL : "")
			.tag(McpMeterNames.TAG_TRANSPORT, connection.transport())
			.tag(McpMeterNames.TAG_PROTOCOL_VERSION, connection.protocolVersion());
		if (this.resourceUri) {
			builder.tag(McpMeterNames.TAG_RESOURCE_URI, resourceUri);
		}
		return builder;
	}

}
