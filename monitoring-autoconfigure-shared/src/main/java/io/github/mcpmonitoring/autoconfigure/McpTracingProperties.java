package io.github.mcpmonitoring.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the starter's traces, its access log and the MDC of running tools.
 */
@ConfigurationProperties("mcp.monitoring")
public class McpTracingProperties {

	private final Tracing tracing = new Tracing();

	private final AccessLog accessLog = new AccessLog();

	private final ToolMdc toolMdc = new ToolMdc();

	public Tracing getTracing() {
		return this.tracing;
	}

	public AccessLog getAccessLog() {
		return this.accessLog;
	}

	public ToolMdc getToolMdc() {
		return this.toolMdc;
	}

	/**
	 * The starter's spans.
	 */
	public static class Tracing {

		/**
		 * Whether the starter makes spans of MCP requests and @MonitoredApiCall methods when the application has a
		 * tracer (Micrometer Tracing); without one it makes none.
		 */
		private boolean enabled = true;

		private final CaptureContent captureContent = new CaptureContent();

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public CaptureContent getCaptureContent() {
			return this.captureContent;
		}

	}

	/**
	 * Tool arguments and results in spans.
	 */
	public static class CaptureContent {

		/**
		 * Whether the span of a tools/call carries the call's arguments and the text of its result, redacted as
		 * recent errors are and cut to 1024 characters each.
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
	 * The access log.
	 */
	public static class AccessLog {

		/**
		 * Whether one INFO line per MCP request is written under the logger io.github.mcpmonitoring.access.
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
	 * The running tool's name and session id in the MDC.
	 */
	public static class ToolMdc {

		/**
		 * Whether the MDC carries the running tool's name (mcp.tool.name) and MCP session id (mcp.session.id) while a
		 * tool runs. Unset, it does whenever the starter makes spans of MCP requests, since it adds to the cost of
		 * every tool call.
		 */
		private Boolean enabled;

		public Boolean getEnabled() {
			return this.enabled;
		}

		public void setEnabled(Boolean enabled) {
			this.enabled = enabled;
		}

	}

}
