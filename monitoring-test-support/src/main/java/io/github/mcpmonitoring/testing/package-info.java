/**
 * Test fixtures shared by the modules' tests: real servers and programs run on loopback, a clock tests move by hand,
 * a parsed Prometheus scrape.
 */
package io.github.mcpmonitoring.testing;
