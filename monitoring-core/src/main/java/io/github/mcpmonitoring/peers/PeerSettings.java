package io.github.mcpmonitoring.peers;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.github.mcpmonitoring.core.InvalidSettingException;
import io.github.mcpmonitoring.core.SettingChecks;

/**
 * How one MCP peer is probed. Header values (an {@code Authorization} token) never leave this object in text:
 * {@link #toString()} names the headers only.
 *
 * @param name the peer's name, from configuration: the {@code peer} tag of its meters and alerts
 * @param url the peer's MCP endpoint (streamable HTTP) or event-stream endpoint (SSE), http or https
 * @param transport the transport the peer speaks
 * @param check what is asked after {@code initialize}
 * @param interval time between the end of one probe and the start of the next
 * @param timeout the bound of one whole probe, from connecting to the end of the check
 * @param headers headers sent with every request of a probe, such as {@code Authorization}
 * @param critical whether this peer being down makes the {@code mcpPeers} health component DOWN
 */
public record PeerSettings(String name, URI url, PeerTransport transport, PeerCheck check, Duration interval,
		Duration timeout, Map<String, String> headers, boolean critical) {

	/**
	 * Create settings, checking them.
	 * @param name the peer's name
	 * @param url the peer's endpoint
	 * @param transport the transport
	 * @param check the check
	 * @param interval time between two probes, positive
	 * @param timeout the bound of one probe, positive
	 * @param headers headers of every request
	 * @param critical whether the peer is critical
	 */
	public PeerSettings {
		SettingChecks.requireNonNull("name", name);
		if (name.isBlank()) {
			throw new InvalidSettingException("name", name, "must not be blank");
		}
		SettingChecks.requireNonNull("url", url);
		String scheme = (url.getScheme() != null) ? url.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
			throw new InvalidSettingException("url", url, "must be an absolute http or https URL");
		}
		SettingChecks.requireNonNull("transport", transport);
		SettingChecks.requireNonNull("check", check);
		SettingChecks.requirePositive("interval", interval);
		SettingChecks.requirePositive("timeout", timeout);
		headers = Collections.unmodifiableMap(new LinkedHashMap<>((headers != null) ? headers : Map.of()));
	}

	/**
	 * Return the host of the peer, as on {@code server.address}.
	 * @return the host
	 */
	public String address() {
		return this.url.getHost();
	}

	/**
	 * Return the port of the peer, as on {@code server.port}: the URL's, or the scheme's default.
	 * @return the port
	 */
	public int port() {
		if (this.url.getPort() != -1) {
			return this.url.getPort();
		}
		return "https".equalsIgnoreCase(this.url.getScheme()) ? 443 : 80;
	}

	@Override
	public String toString() {
		return "PeerSettings[name=" + this.name + ", address=" + address() + ":" + port() + ", transport="
				+ this.transport + ", check=" + this.check + ", interval=" + this.interval + ", timeout="
				+ this.timeout + ", headers=" + this.headers.keySet() + ", critical=" + this.critical + "]";
	}

}
