/**
 * The unmonitored twin of a tool that the same-JVM end-to-end benchmark adds to the sample.
 */
package io.github.mcpmonitoring.benchmarks.twin;
