/**
 * Spring configuration of the sample: Kaltura properties, the client and session beans, the demo backend and the
 * MCP tools.
 */
package io.github.mcpmonitoring.sample.config;
