/**
 * Counting each MCP tool call once between the MCP layer's instrumentation and annotated tool methods, through one
 * entry point, {@link io.github.mcpmonitoring.toolcall.ToolCalls}.
 */
package io.github.mcpmonitoring.toolcall;
