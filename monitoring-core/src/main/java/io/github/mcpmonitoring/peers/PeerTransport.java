package io.github.mcpmonitoring.peers;

/**
 * The HTTP transport an MCP peer speaks.
 */
public enum PeerTransport {

	/** Streamable HTTP: one endpoint for every JSON-RPC message. */
	STREAMABLE,

	/** HTTP with Server-Sent Events: an event stream, then messages posted to the endpoint it names. */
	SSE

}
