/**
 * Boot-free core of the MCP monitoring starter: meters for tool and upstream API calls and their recording rules.
 */
package io.github.mcpmonitoring.core;
