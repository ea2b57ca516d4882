package io.github.mcpmonitoring.mcp;

import io.github.mcpmonitoring.toolcall.ServerTool;
import io.modelcontextprotocol.spec.McpSchema;

/**
 * Told about each tool whose specification the {@link ToolSpecificationInstrumenter} wraps, with the handle its calls
 * are recorded through, so that what the MCP server does with a call before the call handler runs can be recorded
 * under the same tool. Called while the server's tool specifications are prepared, before the server is built.
 */
@FunctionalInterface
public interface InstrumentedToolListener {

	/**
	 * Take note of an instrumented tool.
	 * @param tool the tool definition, the instance the server is built with
	 * @param serverTool the handle through which the tool's calls are recorded
	 */
	void instrumented(McpSchema.Tool tool, ServerTool serverTool);

}
