/**
 * Test fixtures shared by the modules' tests: real servers started on loopback and a clock tests move by hand.
 */
package io.github.mcpmonitoring.testing;
