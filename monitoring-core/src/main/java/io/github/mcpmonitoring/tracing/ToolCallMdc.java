package io.github.mcpmonitoring.tracing;

import org.slf4j.MDC;

/**
 * Puts the running tool's name and the MCP session id into the logging MDC while a tool runs, so that every line the
 * tool logs carries them, and restores what was there before.
 */
public final class ToolCallMdc {

	/** MDC key of the running tool's name. */
	public static final String TOOL_NAME = "mcp.tool.name";

	/** MDC key of the MCP session id. */
	public static final String SESSION_ID = "mcp.session.id";

	private static final int MAX_LENGTH = 128;

	private ToolCallMdc() {
	}

	/**
	 * Put a tool call's values into the MDC.
	 * @param toolName the tool's name, bounded (a registered name)
	 * @param sessionId the MCP session id, or {@code null} when the transport has none
	 * @return what restores the previous values when closed, on the same thread
	 */
	public static Restore put(String toolName, String sessionId) {
		Restore restore = new Restore(MDC.get(TOOL_NAME), MDC.get(SESSION_ID));
		set(TOOL_NAME, BoundedText.of(toolName, MAX_LENGTH));
		set(SESSION_ID, BoundedText.of(sessionId, MAX_LENGTH));
		return restore;
	}

	private static void set(String key, String value) {
		if (value != null) {
			MDC.put(key, value);
		}
		else {
			MDC.remove(key);
		}
	}

	/** Restores the MDC entries a tool call replaced. */
	public static final class Restore implements AutoCloseable {

		private final String toolName;

		private final String sessionId;

		private Restore(String toolName, String sessionId) {
			this.toolName = toolName;
			this.sessionId = sessionId;
		}

		@Override
		public void close() {
			set(TOOL_NAME, this.toolName);
			set(SESSION_ID, this.sessionId);
		}

	}

}
