package io.github.mcpmonitoring.sample.config;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Protection of the MCP endpoint ({@code sample.mcp.*}).
 */
@ConfigurationProperties("sample.mcp")
public class McpEndpointProperties {

	/**
	 * Web origins allowed to call the MCP endpoint from a browser: an origin such as https://app.example.com, an
	 * origin with any port such as http://localhost:*, or * for any. Requests without an Origin header always pass.
	 */
	private List<String> allowedOrigins = new ArrayList<>(List.of("http://localhost:*", "http://127.0.0.1:*"));

	public List<String> getAllowedOrigins() {
		return this.allowedOrigins;
	}

	public void setAllowedOrigins(List<String> allowedOrigins) {
		this.allowedOrigins = allowedOrigins;
	}

}
