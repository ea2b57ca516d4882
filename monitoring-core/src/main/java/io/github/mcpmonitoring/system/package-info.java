/**
 * Memory of the machine and container the MCP server runs in, read through OSHI and the cgroup files.
 */
package io.github.mcpmonitoring.system;
