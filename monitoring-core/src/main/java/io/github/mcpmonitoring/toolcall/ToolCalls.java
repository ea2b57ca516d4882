package io.github.mcpmonitoring.toolcall;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.github.mcpmonitoring.core.ToolCallMetrics;

import org.springframework.util.function.SingletonSupplier;

/**
 * Counts each MCP tool call once between the MCP layer, which wraps the call handlers of the tools a server exposes,
 * and the tool methods a {@code @MonitoredTool} annotation (or a framework tool annotation) is on. Both ask it for
 * their handle: the MCP layer a {@link #serverTool ServerTool} per tool, a tool method a {@link #toolMethod
 * ToolMethod}. What {@code @MonitoredTool} says about a framework tool method is {@link #refine registered} before
 * the MCP layer wraps that tool, so that it applies even when the method runs on another thread than the call.
 */
public final class ToolCalls {

	private final Supplier<ToolCallMetrics> metrics;

	private final Map<String, Refinement> refinements = new ConcurrentHashMap<>();

	/**
	 * Create an instance. Metrics are supplied lazily, when the first tool is wrapped or the first tool method is
	 * called, so that creating it does not initialise the meter registry early.
	 * @param metrics supplies the tool call metrics
	 */
	public ToolCalls(Supplier<ToolCallMetrics> metrics) {
		this.metrics = SingletonSupplier.of(metrics);
	}

	/**
	 * Register what a {@code @MonitoredTool} annotation says about the method of a tool the server exposes, or that
	 * the method is intercepted without one: a call of the tool that does not enter it is then known not to have.
	 * @param toolName the tool name the server exposes
	 * @param recordedName the name to record the tool under, or {@code null} to keep the tool name
	 * @param slowThresholdNanos the slow-call threshold, or a negative value for the default
	 */
	public void refine(String toolName, String recordedName, long slowThresholdNanos) {
		this.refinements.put(toolName, new Refinement(recordedName, slowThresholdNanos));
	}

	/**
	 * Return the handle through which the call handler of a tool the server exposes records its calls, and count the
	 * tool as exposed.
	 * @param toolName the tool name the server exposes
	 * @param defaultSlowThresholdNanos the slow-call threshold unless an annotation sets one
	 * @return the tool's handle
	 */
	public ServerTool serverTool(String toolName, long defaultSlowThresholdNanos) {
		ToolCallMetrics toolMetrics = this.metrics.get();
		toolMetrics.registerTool(toolName);
		Refinement refinement = this.refinements.get(toolName);
		String recordedName = (refinement != null && refinement.recordedName() != null) ? refinement.recordedName()
				: toolName;
		long threshold = (refinement != null && refinement.slowThresholdNanos() >= 0)
				? refinement.slowThresholdNanos() : defaultSlowThresholdNanos;
		return new ServerTool(toolName, toolMetrics, toolMetrics.recorder(recordedName), threshold,
				refinement != null);
	}

	/**
	 * Return the handle through which a tool method takes its part in counting its calls.
	 * @param frameworkToolName the name a framework exposes the method under, or {@code null} when it is not a
	 * framework tool method
	 * @param refinedName the name its annotation gives a call the MCP layer records, or {@code null} to keep its name
	 * @param refinedSlowThresholdNanos the threshold its annotation gives such a call, or a negative value to keep it
	 * @return the method's handle
	 */
	public ToolMethod toolMethod(String frameworkToolName, String refinedName, long refinedSlowThresholdNanos) {
		return new ToolMethod(this.metrics.get(), frameworkToolName, refinedName, refinedSlowThresholdNanos);
	}

	private record Refinement(String recordedName, long slowThresholdNanos) {
	}

}
