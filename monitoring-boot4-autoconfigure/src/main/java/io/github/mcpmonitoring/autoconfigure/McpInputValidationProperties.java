package io.github.mcpmonitoring.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of how the tool calls MCP SDK 2.0 rejects by input validation are counted (Spring Boot 4 line only).
 */
@ConfigurationProperties("mcp.monitoring.tools.input-validation")
public class McpInputValidationProperties {

	/**
	 * Whether to count a tool call that MCP SDK 2.0 answers with an error result because its arguments do not match
	 * the tool's input schema, as a failed call of that tool from the client.
	 */
	private boolean enabled = true;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

}
