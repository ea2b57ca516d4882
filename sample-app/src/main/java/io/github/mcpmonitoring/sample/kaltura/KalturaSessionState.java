package io.github.mcpmonitoring.sample.kaltura;

/**
 * States of the server's Kaltura admin session, as health checks tell them apart.
 */
public enum KalturaSessionState {

	/** No session has been started yet: sessions start on first use. */
	NO_SESSION,

	/** A session is valid and outside the refresh margin. */
	ACTIVE,

	/** A session is still valid but inside the refresh margin; the next call replaces it. */
	EXPIRING,

	/** The last session expired or Kaltura rejected it, and no new one could be started yet. */
	EXPIRED,

	/** The last call to Kaltura got no answer (connection refused, timeout, bad gateway). */
	UNREACHABLE

}
