/**
 * Kaltura session status for health checks: what an application reports of its session, and the metrics and health
 * built on it, without the official Kaltura client.
 */
package io.github.mcpmonitoring.kaltura;
