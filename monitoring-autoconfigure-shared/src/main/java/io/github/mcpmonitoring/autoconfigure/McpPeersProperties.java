package io.github.mcpmonitoring.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.mcpmonitoring.peers.PeerCheck;
import io.github.mcpmonitoring.peers.PeerTransport;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the synthetic probes of peer MCP servers.
 */
@ConfigurationProperties("mcp.monitoring")
public class McpPeersProperties {

	/**
	 * Peer MCP servers probed on a schedule, by name: the name is the peer label of their meters and alerts.
	 */
	private Map<String, Peer> peers = new LinkedHashMap<>();

	public Map<String, Peer> getPeers() {
		return this.peers;
	}

	public void setPeers(Map<String, Peer> peers) {
		this.peers = (peers != null) ? peers : new LinkedHashMap<>();
	}

	/**
	 * One peer MCP server and how it is probed.
	 */
	public static class Peer {

		/**
		 * URL of the peer's MCP endpoint (streamable HTTP) or event-stream endpoint (SSE), such as
		 * http://tools.internal:8080/mcp.
		 */
		private URI url;

		/**
		 * Transport the peer speaks: streamable or sse.
		 */
		private PeerTransport transport = PeerTransport.STREAMABLE;

		/**
		 * What a probe asks after initialize: ping, or tools-list, which also records how many tools the peer offers.
		 */
		private PeerCheck check = PeerCheck.PING;

		/**
		 * Time between the end of one probe and the start of the next.
		 */
		private Duration interval = Duration.ofSeconds(30);

		/**
		 * Bound of one whole probe, from connecting to the end of the check.
		 */
		private Duration timeout = Duration.ofSeconds(5);

		/**
		 * Headers sent with every request of a probe, such as Authorization. Never logged nor shown.
		 */
		private Map<String, String> headers = new LinkedHashMap<>();

		/**
		 * Whether this peer being down makes the mcpPeers health component DOWN; otherwise it reports UP with level
		 * warning.
		 */
		private boolean critical;

		public URI getUrl() {
			return this.url;
		}

		public void setUrl(URI url) {
			this.url = url;
		}

		public PeerTransport getTransport() {
			return this.transport;
		}

		public void setTransport(PeerTransport transport) {
			this.transport = transport;
		}

		public PeerCheck getCheck() {
			return this.check;
		}

		public void setCheck(PeerCheck check) {
			this.check = check;
		}

		public Duration getInterval() {
			return this.interval;
		}

		public void setInterval(Duration interval) {
			this.interval = interval;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public Map<String, String> getHeaders() {
			return this.headers;
		}

		public void setHeaders(Map<String, String> headers) {
			this.headers = (headers != null) ? headers : new LinkedHashMap<>();
		}

		public boolean isCritical() {
			return this.critical;
		}

		public void setCritical(boolean critical) {
			this.critical = critical;
		}

	}

}
