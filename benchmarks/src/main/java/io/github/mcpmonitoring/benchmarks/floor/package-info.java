/**
 * The no-op AOP proxies the end-to-end benchmarks add to the sample to measure the floor of an AOP interceptor.
 */
package io.github.mcpmonitoring.benchmarks.floor;
