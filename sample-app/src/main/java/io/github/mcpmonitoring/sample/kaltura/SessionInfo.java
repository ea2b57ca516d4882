package io.github.mcpmonitoring.sample.kaltura;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What {@code session.get} says about a KS ({@code KalturaSessionInfo}), without the KS itself, which the wire
 * object repeats and this record deliberately drops.
 *
 * @param partnerId partner the session belongs to
 * @param userId user the session was started for
 * @param expiry expiry time, Unix seconds
 * @param sessionType session type code (0 user, 2 admin)
 * @param privileges privileges string, may be empty
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SessionInfo(Integer partnerId, String userId, Long expiry, Integer sessionType, String privileges) {
}
