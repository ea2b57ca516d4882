/**
 * MCP SDK 2.0 answers a tool call whose arguments do not match the tool's input schema before the tool's call
 * handler runs; these classes count such a call as a failed call of that tool, through the server's JSON schema
 * validator.
 */
package io.github.mcpmonitoring.autoconfigure.inputvalidation;
