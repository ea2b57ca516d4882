/**
 * The recent failures of tool and upstream API calls, kept in a bounded buffer with their messages redacted.
 */
package io.github.mcpmonitoring.errors;
