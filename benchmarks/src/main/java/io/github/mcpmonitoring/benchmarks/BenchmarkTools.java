package io.github.mcpmonitoring.benchmarks;

import io.github.mcpmonitoring.annotation.MonitoredApiCall;
import io.github.mcpmonitoring.annotation.MonitoredTool;
import io.micrometer.core.annotation.Timed;

/**
 * The advised methods: they return their argument, so that a benchmark measures what surrounds the call and any
 * allocation is the proxy's or the instrumentation's. Failing methods throw a
 * shared exception without a stack trace, so that the failure benchmarks measure the recording, not
 * {@code fillInStackTrace}.
 */
public class BenchmarkTools {

	/** The exception the failing methods throw; its {@code error.type} is {@code BenchmarkFailure}. */
	public static final BenchmarkFailure FAILURE = new BenchmarkFailure();

	/**
	 * A method no annotation applies to.
	 * @param x an input
	 * @return the input, so that no result is boxed or allocated
	 */
	public String work(String x) {
		return x;
	}

	/**
	 * The same work under Micrometer's {@code @Timed}.
	 * @param x an input
	 * @return the input, so that no result is boxed or allocated
	 */
	@Timed("bench.timed")
	public String timedWork(String x) {
		return x;
	}

	/**
	 * The same work under {@code @MonitoredTool}.
	 * @param x an input
	 * @return the input, so that no result is boxed or allocated
	 */
	@MonitoredTool(name = "bench_tool")
	public String toolWork(String x) {
		return x;
	}

	/**
	 * The same work under a {@code @MonitoredTool} that only sets a threshold, as on a Spring AI tool method whose
	 * calls the MCP layer records.
	 * @param x an input
	 * @return the input, so that no result is boxed or allocated
	 */
	@MonitoredTool(slowThreshold = "2s")
	public String refiningToolWork(String x) {
		return x;
	}

	/**
	 * The same work under {@code @MonitoredApiCall}.
	 * @param x an input
	 * @return the input, so that no result is boxed or allocated
	 */
	@MonitoredApiCall("bench.api")
	public String apiWork(String x) {
		return x;
	}

	/**
	 * A method no annotation applies to, failing.
	 * @param x an input
	 * @return never
	 */
	public String failingWork(String x) {
		throw FAILURE;
	}

	/**
	 * A failing {@code @MonitoredTool} method.
	 * @param x an input
	 * @return never
	 */
	@MonitoredTool(name = "bench_failing_tool")
	public String failingToolWork(String x) {
		throw FAILURE;
	}

	/**
	 * A failing {@code @MonitoredTool} method that only sets a threshold.
	 * @param x an input
	 * @return never
	 */
	@MonitoredTool(slowThreshold = "2s")
	public String failingRefiningToolWork(String x) {
		throw FAILURE;
	}

	/**
	 * A failing {@code @MonitoredApiCall} method.
	 * @param x an input
	 * @return never
	 */
	@MonitoredApiCall("bench.failing_api")
	public String failingApiWork(String x) {
		throw FAILURE;
	}

	/** A preallocated exception without a stack trace. */
	public static final class BenchmarkFailure extends RuntimeException {

		private static final long serialVersionUID = 1L;

		BenchmarkFailure() {
			super("benchmark failure", null, false, false);
		}

	}

}
