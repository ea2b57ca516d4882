package io.github.mcpmonitoring.health;

import java.time.Duration;

import io.github.mcpmonitoring.core.PeriodicSnapshot;
import io.github.mcpmonitoring.kaltura.KalturaSessionStatus;

import org.springframework.boot.actuate.health.Health;

/**
 * Reports the application's Kaltura session: active is {@code UP}, expiring is {@code UP} with
 * {@code level: warning}, no session yet is {@code UNKNOWN}, expired, revoked or unreachable is {@code DOWN}. Never
 * shows the session key or the admin secret: the status carries neither.
 */
public class KalturaSessionHealthIndicator extends SnapshotHealthIndicator<KalturaSessionStatus> {

	/**
	 * Create an indicator.
	 * @param snapshot the application's session status, polled on a schedule
	 * @param staleAfter age beyond which the snapshot is not trusted
	 */
	public KalturaSessionHealthIndicator(PeriodicSnapshot<KalturaSessionStatus> snapshot, Duration staleAfter) {
		super(snapshot, staleAfter);
	}

	@Override
	protected Health.Builder health(KalturaSessionStatus status) {
		Health.Builder builder = statusOf(status).withDetail("state", status.state().name());
		detail(builder, "partnerId", status.partnerId());
		detail(builder, "sessionType", status.sessionType());
		detail(builder, "userId", status.userId());
		detail(builder, "expiresAt", iso(status.expiresAt()));
		detail(builder, "lastRefreshAt", iso(status.lastRefreshAt()));
		detail(builder, "lastErrorCode", status.lastErrorCode());
		detail(builder, "lastErrorAt", iso(status.lastErrorAt()));
		detail(builder, "sessionCheckedAt", iso(status.checkedAt()));
		return builder;
	}

	private static Health.Builder statusOf(KalturaSessionStatus status) {
		return switch (status.state()) {
			case ACTIVE -> Health.up().withDetail(HealthLevel.KEY, HealthLevel.OK);
			case EXPIRING -> Health.up().withDetail(HealthLevel.KEY, HealthLevel.WARNING);
			case NO_SESSION -> Health.unknown();
			case EXPIRED, UNREACHABLE -> Health.down().withDetail(HealthLevel.KEY, HealthLevel.CRITICAL);
		};
	}

	private static void detail(Health.Builder builder, String key, Object value) {
		if (value != null) {
			builder.withDetail(key, value);
		}
	}

}
