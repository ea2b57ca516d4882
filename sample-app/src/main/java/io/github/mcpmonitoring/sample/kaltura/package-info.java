/**
 * A small client for the Kaltura REST API (JSON wire format) and the admin session it runs under.
 */
package io.github.mcpmonitoring.sample.kaltura;
