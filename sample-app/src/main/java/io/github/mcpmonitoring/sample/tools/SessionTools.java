package io.github.mcpmonitoring.sample.tools;

import io.github.mcpmonitoring.sample.kaltura.KalturaEndpoint;
import io.github.mcpmonitoring.sample.kaltura.KalturaSession;

/**
 * The session status tool's work; {@link KalturaMcpTools} exposes it as an {@code @McpTool} method. It reports and
 * never starts a session.
 */
public class SessionTools {

	static final String GET_SESSION_INFO = "get_session_info";

	static final String GET_SESSION_INFO_DESCRIPTION = "Show the state of the server's Kaltura admin session "
			+ "(state, partner, user, expiry, last refresh, last error) without revealing the session key.";

	private final KalturaSession session;

	private final KalturaEndpoint endpoint;

	public SessionTools(KalturaSession session, KalturaEndpoint endpoint) {
		this.session = session;
		this.endpoint = endpoint;
	}

	public SessionInfoResult getSessionInfo() {
		return SessionInfoResult.from(this.session.currentStatus(), this.endpoint);
	}

}
