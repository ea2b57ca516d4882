package io.github.mcpmonitoring.sample.tools;

import java.util.List;

import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import org.springframework.ai.mcp.annotation.provider.tool.SyncMcpToolProvider;

/**
 * The tool specifications Spring AI 2.0 builds from {@code @McpTool} methods, as its annotation scanner does in
 * the server.
 */
final class McpToolSpecifications {

	private McpToolSpecifications() {
	}

	static List<SyncToolSpecification> of(Object... toolObjects) {
		return new SyncMcpToolProvider(List.of(toolObjects)).getToolSpecifications();
	}

}
