/**
 * Whose failure a failed tool or API call is: the client's mistake, a rejected authentication, or anything else,
 * decided from the failure's structure (its exception types, the upstream's HTTP status) rather than its message.
 */
package io.github.mcpmonitoring.failures;
