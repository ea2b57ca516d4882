package io.github.mcpmonitoring.sample.kaltura;

import java.time.Instant;

/**
 * An immutable view of the admin session at one moment, safe to show anywhere: it holds no KS and no secret.
 *
 * @param state the session state
 * @param partnerId partner id of the session (the configured one before a session exists)
 * @param userId user id of the session (the configured one before a session exists)
 * @param sessionType session type
 * @param expiresAt when the current session expires, or {@code null} without a session
 * @param lastRefreshAt when the last session was started, or {@code null} if none was
 * @param lastErrorCode code of the last session-related failure ({@code INVALID_KS}, {@code TIMEOUT}, ...), or
 * {@code null}
 * @param lastErrorAt when the last session-related failure happened, or {@code null}
 */
public record KalturaSessionSnapshot(KalturaSessionState state, int partnerId, String userId,
		KalturaSessionType sessionType, Instant expiresAt, Instant lastRefreshAt, String lastErrorCode,
		Instant lastErrorAt) {
}
