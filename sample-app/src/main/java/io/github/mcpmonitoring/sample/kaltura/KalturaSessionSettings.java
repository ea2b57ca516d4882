package io.github.mcpmonitoring.sample.kaltura;

import java.time.Duration;
import java.util.Objects;

/**
 * What {@link KalturaSession} needs to start admin sessions; {@link #toString()} hides the secret.
 *
 * @param partnerId partner id
 * @param adminSecret admin secret of the partner
 * @param userId user id the sessions are started for
 * @param privileges privileges string, may be empty
 * @param expiry requested session lifetime
 * @param refreshMargin how long before expiry a session is replaced; at most half the lifetime Kaltura grants it
 */
public record KalturaSessionSettings(int partnerId, String adminSecret, String userId, String privileges,
		Duration expiry, Duration refreshMargin) {

	public KalturaSessionSettings {
		Objects.requireNonNull(adminSecret, "adminSecret must not be null");
		Objects.requireNonNull(userId, "userId must not be null");
		privileges = (privileges != null) ? privileges : "";
		if (refreshMargin.isNegative() || refreshMargin.compareTo(expiry) >= 0) {
			throw new IllegalArgumentException("refreshMargin must be between 0 and expiry");
		}
	}

	@Override
	public String toString() {
		return "KalturaSessionSettings[partnerId=" + this.partnerId + ", userId=" + this.userId + ", expiry="
				+ this.expiry + ", refreshMargin=" + this.refreshMargin + "]";
	}

}
