package io.github.mcpmonitoring.core;

/**
 * What the connection a request arrived on adds to the tags of {@code mcp.server.operation.duration}: the protocol
 * version its session negotiated ({@code ""} when none is known) and the transport ({@code tcp} or {@code pipe}).
 * Instances come from {@link OperationTags#connection(String, String)}, one per distinct pair, so that meters can be
 * cached by them.
 *
 * @param protocolVersion the negotiated protocol version, a version the server knows, {@code _OTHER} or {@code ""}
 * @param transport the value of {@code network.transport}
 */
public record ConnectionTags(String protocolVersion, String transport) {
}
