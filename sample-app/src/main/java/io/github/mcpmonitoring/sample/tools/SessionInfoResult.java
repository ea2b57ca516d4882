package io.github.mcpmonitoring.sample.tools;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.mcpmonitoring.sample.kaltura.KalturaEndpoint;
import io.github.mcpmonitoring.sample.kaltura.KalturaSessionSnapshot;

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
 * @param serviceUrl Kaltura service the server talks to
 * @param demo whether that service is the embedded demo backend
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionInfoResult(String state, int partnerId, String userId, String sessionType, String expiresAt,
		String lastRefreshAt, String lastErrorCode, String lastErrorAt, String serviceUrl, boolean demo) {

	static SessionInfoResult from(KalturaSessionSnapshot snapshot, KalturaEndpoint endpoint) {
		return new SessionInfoResult(snapshot.state().name(), snapshot.partnerId(), snapshot.userId(),
				snapshot.sessionType().name(), iso(snapshot.expiresAt()), iso(snapshot.lastRefreshAt()),
				snapshot.lastErrorCode(), iso(snapshot.lastErrorAt()), endpoint.serviceUrl().toString(),
				endpoint.demo());
	}

	private static String iso(Instant instant) {
		return (instant != null) ? instant.toString() : null;
	}

}
