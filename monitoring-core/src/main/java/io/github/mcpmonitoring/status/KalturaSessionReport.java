package io.github.mcpmonitoring.status;

import java.util.function.Function;

import io.github.mcpmonitoring.kaltura.KalturaSessionStatus;

/**
 * Reports the application's Kaltura session: active is {@code UP}, expiring is {@code UP} with
 * {@code level: warning}, no session yet is {@code UNKNOWN}, expired, revoked or unreachable is {@code DOWN}. Never
 * shows the session key or the admin secret: the status carries neither.
 */
public class KalturaSessionReport implements Function<KalturaSessionStatus, ComponentStatus> {

	@Override
	public ComponentStatus apply(KalturaSessionStatus status) {
		return statusOf(status).withDetail("state", status.state().name())
			.withDetailIfKnown("partnerId", status.partnerId())
			.withDetailIfKnown("sessionType", status.sessionType())
			.withDetailIfKnown("userId", status.userId())
			.withDetailIfKnown("expiresAt", SnapshotReport.iso(status.expiresAt()))
			.withDetailIfKnown("lastRefreshAt", SnapshotReport.iso(status.lastRefreshAt()))
			.withDetailIfKnown("lastErrorCode", status.lastErrorCode())
			.withDetailIfKnown("lastErrorAt", SnapshotReport.iso(status.lastErrorAt()))
			.withDetailIfKnown("sessionCheckedAt", SnapshotReport.iso(status.checkedAt()))
			.build();
	}

	private static ComponentStatus.Builder statusOf(KalturaSessionStatus status) {
		return switch (status.state()) {
			case ACTIVE -> StatusLevel.up(StatusLevel.OK);
			case EXPIRING -> StatusLevel.up(StatusLevel.WARNING);
			case NO_SESSION -> ComponentStatus.status(ComponentStatus.UNKNOWN);
			case EXPIRED, UNREACHABLE ->
				ComponentStatus.status(ComponentStatus.DOWN).withDetail(StatusLevel.KEY, StatusLevel.CRITICAL);
		};
	}

}
