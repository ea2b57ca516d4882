package io.github.mcpmonitoring.health;

import java.time.Duration;

import io.github.mcpmonitoring.core.PeriodicSnapshot;
import io.github.mcpmonitoring.kaltura.KalturaSessionStatus;
import io.github.mcpmonitoring.status.KalturaSessionReport;
import io.github.mcpmonitoring.status.SnapshotReport;

/**
 * The {@code kalturaSession} health component: the {@link KalturaSessionReport} of the application's last session
 * status, which never carries the session key or the admin secret.
 */
public class KalturaSessionHealthIndicator extends ComponentHealthIndicator {

	/**
	 * Create an indicator.
	 * @param snapshot the application's session status, polled on a schedule
	 * @param staleAfter age beyond which the snapshot is not trusted
	 */
	public KalturaSessionHealthIndicator(PeriodicSnapshot<KalturaSessionStatus> snapshot, Duration staleAfter) {
		super(new SnapshotReport<>(snapshot, staleAfter, new KalturaSessionReport()));
	}

}
