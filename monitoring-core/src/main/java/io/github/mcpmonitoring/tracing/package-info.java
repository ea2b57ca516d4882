/**
 * Traces and correlated logs of MCP requests and upstream API calls, on Micrometer's Observation API: the observation
 * of a request with the caller's trace context from {@code params._meta}, the observations of
 * {@code @MonitoredApiCall} methods, the MDC entries of a running tool and the access log.
 */
package io.github.mcpmonitoring.tracing;
