package io.github.mcpmonitoring.sample.tools;

import io.github.mcpmonitoring.sample.kaltura.KalturaEndpoint;
import io.github.mcpmonitoring.sample.kaltura.KalturaSession;
import org.springaicommunity.mcp.annotation.McpTool;

/**
 * The session status tool as an {@code @McpTool} method; it reports and never starts a session.
 */
public class SessionTools {

	private final KalturaSession session;

	private final KalturaEndpoint endpoint;

	public SessionTools(KalturaSession session, KalturaEndpoint endpoint) {
		this.session = session;
		this.endpoint = endpoint;
	}

	@McpTool(name = "get_session_info", description = "Show the state of the server's Kaltura admin session "
			+ "(state, partner, user, expiry, last refresh, last error) without revealing the session key.")
	public SessionInfoResult getSessionInfo() {
		return SessionInfoResult.from(this.session.currentStatus(), this.endpoint);
	}

}
