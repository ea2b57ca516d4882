/**
 * The local monitoring summary of tools, upstream APIs, recent errors and alerts, computed without any Spring Boot
 * type so that every Spring Boot line's {@code mcp} endpoint answers the same.
 */
package io.github.mcpmonitoring.summary;
