/**
 * Synthetic probes of the MCP servers an application depends on: a real MCP exchange with each configured peer on a
 * schedule, its client-side meters, its status for health and alerts.
 */
package io.github.mcpmonitoring.peers;
