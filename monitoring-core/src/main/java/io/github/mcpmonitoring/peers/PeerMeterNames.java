package io.github.mcpmonitoring.peers;

/**
 * Names and tag keys of the meters of peer probes. The operation timer and its server tags are the OpenTelemetry MCP
 * conventions' client metric; the {@code peer} tag and the gauges are ours.
 */
public final class PeerMeterNames {

	/** Timer of the MCP operations of probes, per peer, method and error type. */
	public static final String CLIENT_OPERATION_DURATION = "mcp.client.operation.duration";

	/** Gauge: 1 when the peer answered its last probe, 0 when it failed. */
	public static final String PEER_UP = "mcp.peer.up";

	/** Gauge of failed probes in a row. */
	public static final String PEER_CONSECUTIVE_FAILURES = "mcp.peer.consecutive.failures";

	/** Gauge of the duration of the last probe, in seconds, when the peer answered it. */
	public static final String PEER_PROBE_DURATION = "mcp.peer.probe.duration";

	/** Gauge of the tools a peer offers, for peers probed with {@code tools/list}. */
	public static final String PEER_TOOLS = "mcp.peer.tools";

	/** Tag key of the peer's configured name. */
	public static final String TAG_PEER = "peer";

	/** Tag key of the peer's host. */
	public static final String TAG_SERVER_ADDRESS = "server.address";

	/** Tag key of the peer's port. */
	public static final String TAG_SERVER_PORT = "server.port";

	private PeerMeterNames() {
	}

}
