/**
 * The MCP tools of the Kaltura server, in both Spring AI styles: {@code @Tool} methods and {@code @McpTool}
 * methods. Tool parameters are snake_case Java parameters because both styles take the JSON argument name from the
 * Java parameter name.
 */
package io.github.mcpmonitoring.sample.tools;
