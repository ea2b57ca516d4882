/**
 * The {@code mcp} actuator endpoint: a local monitoring summary of tools, upstream APIs, errors and alerts.
 */
package io.github.mcpmonitoring.endpoint;
