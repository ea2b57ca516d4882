package io.github.mcpmonitoring.autoconfigure;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the status page, the {@code mcpstatus} actuator endpoint.
 */
@ConfigurationProperties("mcp.monitoring.status-page")
public class McpStatusPageProperties {

	/**
	 * Whether the status page is available. It is served only when the mcpstatus endpoint is also exposed.
	 */
	private boolean enabled = true;

	/**
	 * Time between two reads of the status by an open page; at least a second.
	 */
	private Duration refreshInterval = Duration.ofSeconds(5);

	/**
	 * How far back the page's charts go, one point a minute.
	 */
	private Duration historySpan = Duration.ofHours(1);

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Duration getRefreshInterval() {
		return this.refreshInterval;
	}

	public void setRefreshInterval(Duration refreshInterval) {
		this.refreshInterval = refreshInterval;
	}

	public Duration getHistorySpan() {
		return this.historySpan;
	}

	public void setHistorySpan(Duration historySpan) {
		this.historySpan = historySpan;
	}

}
