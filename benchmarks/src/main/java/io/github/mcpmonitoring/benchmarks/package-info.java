/**
 * JMH benchmarks of the starter's per-call, scrape and memory cost, side by side with what it is compared to.
 */
package io.github.mcpmonitoring.benchmarks;
