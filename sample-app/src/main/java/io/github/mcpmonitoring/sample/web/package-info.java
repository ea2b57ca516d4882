/**
 * HTTP protection of the MCP endpoint: the {@code Origin} check that keeps web pages away from a local server.
 */
package io.github.mcpmonitoring.sample.web;
