package io.github.mcpmonitoring.health;

import java.time.Clock;
import java.time.Instant;

import io.github.mcpmonitoring.status.UptimeReport;

/**
 * The {@code uptime} health component: the {@link UptimeReport} of the process.
 */
public class UptimeHealthIndicator extends ComponentHealthIndicator {

	/**
	 * Create an indicator.
	 * @param startTime when the process started
	 * @param clock the clock
	 */
	public UptimeHealthIndicator(Instant startTime, Clock clock) {
		super(new UptimeReport(startTime, clock));
	}

}
