/**
 * The {@code mcp} actuator endpoint, a local monitoring summary of tools, upstream APIs, errors and alerts, and the
 * {@code mcpstatus} endpoint, a status page for people over the same summary.
 */
package io.github.mcpmonitoring.endpoint;
