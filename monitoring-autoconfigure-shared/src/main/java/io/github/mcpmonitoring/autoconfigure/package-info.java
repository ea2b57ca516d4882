/**
 * Auto-configuration and configuration properties of the MCP monitoring starter.
 */
package io.github.mcpmonitoring.autoconfigure;
