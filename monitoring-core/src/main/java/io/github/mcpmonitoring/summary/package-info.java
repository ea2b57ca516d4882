/**
 * The local monitoring summary of tools, upstream APIs, recent errors and alerts, and the status page's model over
 * it, computed without any Spring Boot type so that every Spring Boot line's endpoints answer the same.
 */
package io.github.mcpmonitoring.summary;
