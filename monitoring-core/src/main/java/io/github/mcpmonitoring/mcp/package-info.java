/**
 * Instrumentation of MCP tool specifications, so that every tool call an MCP server handles is recorded.
 */
package io.github.mcpmonitoring.mcp;
