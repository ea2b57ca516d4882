/**
 * The request layer: decorators of the MCP SDK's transports that see every JSON-RPC request a server answers and its
 * answer once, and the meters of requests, sessions and clients.
 */
package io.github.mcpmonitoring.requests;
