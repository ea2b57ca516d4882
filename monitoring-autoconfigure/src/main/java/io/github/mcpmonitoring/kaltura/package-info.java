/**
 * Kaltura session model for health checks: the session status an application reports and the decoding of Kaltura
 * session keys (KS), without the official Kaltura client.
 */
package io.github.mcpmonitoring.kaltura;
