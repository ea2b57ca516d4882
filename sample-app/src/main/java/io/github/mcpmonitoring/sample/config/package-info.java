/**
 * Spring configuration of the sample: Kaltura properties, the client and session beans, the scheduled session
 * check, the demo backend and the MCP tools.
 */
package io.github.mcpmonitoring.sample.config;
