package io.github.mcpmonitoring.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the metrics of every MCP request, of sessions and of clients.
 */
@ConfigurationProperties("mcp.monitoring")
public class McpRequestsProperties {

	private final Requests requests = new Requests();

	private final Clients clients = new Clients();

	public Requests getRequests() {
		return this.requests;
	}

	public Clients getClients() {
		return this.clients;
	}

	/**
	 * Metrics of every request the MCP server answers.
	 */
	public static class Requests {

		/**
		 * Whether every MCP request (all methods, JSON-RPC errors, unknown tools) and the sessions are recorded, by
		 * decorating the MCP server's transport.
		 */
		private boolean enabled = true;

		private final ResourceUri resourceUri = new ResourceUri();

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public ResourceUri getResourceUri() {
			return this.resourceUri;
		}

	}

	/**
	 * The resource URI tag of resources/read.
	 */
	public static class ResourceUri {

		/**
		 * Whether every series of mcp.server.operation.duration carries mcp.resource.uri, the registered resource
		 * template or static URI that resources/read asked for (never the expanded URI).
		 */
		private boolean enabled;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

	/**
	 * Requests counted per client.
	 */
	public static class Clients {

		/**
		 * Whether requests are counted per client name (mcp.server.client.requests); off by default because it
		 * multiplies series.
		 */
		private boolean enabled;

		/**
		 * Client names (clientInfo.name of initialize) counted under their own name; any other client is counted
		 * as other.
		 */
		private List<String> allowed = new ArrayList<>();

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public List<String> getAllowed() {
			return this.allowed;
		}

		public void setAllowed(List<String> allowed) {
			this.allowed = (allowed != null) ? allowed : new ArrayList<>();
		}

	}

}
