package io.github.mcpmonitoring.sample.tools;

import java.util.List;

import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import org.springaicommunity.mcp.provider.tool.SyncMcpToolProvider;

/**
 * The tool specifications Spring AI 1.1 builds from {@code @McpTool} methods, as its annotation scanner does in
 * the server.
 */
final class McpToolSpecifications {

	private McpToolSpecifications() {
	}

	static List<SyncToolSpecification> of(Object... toolObjects) {
		return new SyncMcpToolProvider(List.of(toolObjects)).getToolSpecifications();
	}

}
