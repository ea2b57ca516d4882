package io.github.mcpmonitoring.kaltura;

import java.time.Instant;

/**
 * What can be read from a Kaltura session key (KS): never the key itself.
 *
 * @param version the KS format version, 1 or 2
 * @param partnerId the partner id
 * @param expiresAt when the session expires, or {@code null} when it cannot be read (a v2 KS without the admin
 * secret)
 * @param sessionType the session type ({@code 0} user, {@code 2} admin), or {@code null} when it cannot be read
 * @param userId the user id, or {@code null} when it cannot be read or is empty
 */
public record KalturaSessionKeyInfo(int version, int partnerId, Instant expiresAt, Integer sessionType,
		String userId) {

}
