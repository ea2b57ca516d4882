package io.github.mcpmonitoring.sample;

import java.time.Duration;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;

/**
 * Real MCP clients for the tests that talk to a running sample.
 */
public final class McpClients {

	private McpClients() {
	}

	/**
	 * Return a synchronous client of the sample's {@code /mcp} endpoint over streamable HTTP, not yet initialized.
	 * @param port the sample's MCP port
	 * @param requestTimeout how long a request may take
	 * @return the client
	 */
	public static McpSyncClient streamable(int port, Duration requestTimeout) {
		HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport
			.builder("http://localhost:" + port)
			.endpoint("/mcp")
			.build();
		return McpClient.sync(transport).requestTimeout(requestTimeout).build();
	}

}
