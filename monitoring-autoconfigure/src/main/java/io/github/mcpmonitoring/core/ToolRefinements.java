package io.github.mcpmonitoring.core;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What {@code @MonitoredTool} annotations on framework tool methods say about the tools they implement, keyed by the
 * tool name the MCP server exposes. The tool-spec instrumentation reads it when it wraps a tool, so that the
 * refinement also applies when the tool method runs on another thread than the MCP handler.
 */
public class ToolRefinements {

	private final Map<String, Refinement> refinements = new ConcurrentHashMap<>();

	/**
	 * Register what an annotation says about a tool.
	 * @param toolName the tool name the MCP server exposes
	 * @param recordedName the name to record the tool under, or {@code null} to keep the tool name
	 * @param slowThresholdNanos the slow-call threshold, or a negative value for the default
	 */
	public void register(String toolName, String recordedName, long slowThresholdNanos) {
		this.refinements.put(toolName, new Refinement(recordedName, slowThresholdNanos));
	}

	/**
	 * Return the name to record a tool under.
	 * @param toolName the tool name the MCP server exposes
	 * @return the refined name, or the tool name itself
	 */
	public String recordedName(String toolName) {
		Refinement refinement = this.refinements.get(toolName);
		return (refinement != null && refinement.recordedName() != null) ? refinement.recordedName() : toolName;
	}

	/**
	 * Return the slow-call threshold of a tool.
	 * @param toolName the tool name the MCP server exposes
	 * @param defaultNanos the threshold to use when no annotation sets one
	 * @return the threshold in nanoseconds
	 */
	public long slowThresholdNanos(String toolName, long defaultNanos) {
		Refinement refinement = this.refinements.get(toolName);
		return (refinement != null && refinement.slowThresholdNanos() >= 0) ? refinement.slowThresholdNanos()
				: defaultNanos;
	}

	private record Refinement(String recordedName, long slowThresholdNanos) {
	}

}
