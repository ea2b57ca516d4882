package io.github.mcpmonitoring.sample.tools;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.mcpmonitoring.kaltura.KalturaSessionStatus;
import io.github.mcpmonitoring.sample.kaltura.KalturaEndpoint;

/**
 * The server's Kaltura session as {@code get_session_info} returns it: state and timing, never the KS or secret.
 *
 * @param state session state, such as {@code ACTIVE}
 * @param partnerId partner id
 * @param userId user id of the session
 * @param sessionType session type, such as {@code ADMIN}
 * @param expiresAt when the session expires, absent without a session
 * @param lastRefreshAt when the session was last started, absent if never
 * @param lastErrorCode code of the last session-related failure, absent if none
 * @param lastErrorAt time of the last session-related failure, absent if none
 * @param checkedAt time of the last completed check of the session against Kaltura, absent before the first
 * @param serviceUrl Kaltura service the server talks to
 * @param demo whether that service is the embedded demo backend
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionInfoResult(String state, Integer partnerId, String userId, String sessionType,
		String expiresAt, String lastRefreshAt, String lastErrorCode, String lastErrorAt, String checkedAt,
		String serviceUrl, boolean demo) {

	static SessionInfoResult from(KalturaSessionStatus status, KalturaEndpoint endpoint) {
		return new SessionInfoResult(status.state().name(), status.partnerId(), status.userId(),
				status.sessionType(), iso(status.expiresAt()), iso(status.lastRefreshAt()), status.lastErrorCode(),
				iso(status.lastErrorAt()), iso(status.checkedAt()), endpoint.serviceUrl().toString(),
				endpoint.demo());
	}

	private static String iso(Instant instant) {
		return (instant != null) ? instant.toString() : null;
	}

}
