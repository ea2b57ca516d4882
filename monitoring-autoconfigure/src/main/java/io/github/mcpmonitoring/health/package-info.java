/**
 * Health indicators for MCP servers that answer at once from snapshots computed off the request thread.
 */
package io.github.mcpmonitoring.health;
