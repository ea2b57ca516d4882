package io.github.mcpmonitoring.kaltura;

/**
 * State of an application's Kaltura session (KS), as its health indicator tells them apart.
 */
public enum KalturaSessionState {

	/** No session was started yet: the application starts one on first use. */
	NO_SESSION,

	/** A valid session, outside its refresh margin. */
	ACTIVE,

	/** Still valid, but inside the refresh margin before its expiry. */
	EXPIRING,

	/** Expired, or revoked by Kaltura ({@code INVALID_KS}). */
	EXPIRED,

	/** Kaltura could not be reached or did not answer in time. */
	UNREACHABLE

}
