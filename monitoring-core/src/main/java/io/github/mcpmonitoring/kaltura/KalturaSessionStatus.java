package io.github.mcpmonitoring.kaltura;

import java.time.Instant;

/**
 * What an application knows about its Kaltura session: never the KS itself, nor the admin secret.
 *
 * @param state the state of the session
 * @param partnerId the Kaltura partner id, or {@code null} when unknown
 * @param sessionType the session type, such as {@code ADMIN} or {@code USER}, or {@code null}
 * @param userId the user id the session was started for, or {@code null}
 * @param expiresAt when the session expires, or {@code null} when there is none
 * @param lastRefreshAt when the session was last started or refreshed, or {@code null}
 * @param lastErrorCode the code of the last session-related failure (such as {@code INVALID_KS} or a transport
 * failure), or {@code null}
 * @param lastErrorAt when that failure happened, or {@code null}
 * @param checkedAt when the application last checked the session against Kaltura, or {@code null}
 */
public record KalturaSessionStatus(KalturaSessionState state, Integer partnerId, String sessionType, String userId,
		Instant expiresAt, Instant lastRefreshAt, String lastErrorCode, Instant lastErrorAt, Instant checkedAt) {

	/**
	 * Create a status.
	 * @param state the state of the session, required
	 */
	public KalturaSessionStatus {
		if (state == null) {
			throw new IllegalArgumentException("'state' must not be null");
		}
	}

}
