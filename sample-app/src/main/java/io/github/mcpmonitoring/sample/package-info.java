/**
 * A Spring AI MCP server for the Kaltura video platform API, monitored by the MCP monitoring starter.
 */
package io.github.mcpmonitoring.sample;
