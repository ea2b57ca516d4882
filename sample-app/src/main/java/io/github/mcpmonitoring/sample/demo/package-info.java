/**
 * An embedded Kaltura API backend with demo data, served on loopback when no real Kaltura service is configured.
 */
package io.github.mcpmonitoring.sample.demo;
