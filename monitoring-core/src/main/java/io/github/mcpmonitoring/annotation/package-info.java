/**
 * Annotations that name and time MCP tool methods and upstream API calls, and the AOP advisor that applies them.
 */
package io.github.mcpmonitoring.annotation;
