package io.github.mcpmonitoring.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Always {@code UP}; tells when the process started and how long it has been running.
 */
public class UptimeHealthIndicator implements HealthIndicator {

	private final Instant startTime;

	private final Clock clock;

	/**
	 * Create an indicator.
	 * @param startTime when the process started
	 * @param clock the clock
	 */
	public UptimeHealthIndicator(Instant startTime, Clock clock) {
		this.startTime = startTime;
		this.clock = clock;
	}

	@Override
	public Health health() {
		Duration uptime = Duration.between(this.startTime, this.clock.instant());
		return Health.up()
			.withDetail("startTime", this.startTime.toString())
			.withDetail("uptimeSeconds", uptime.toSeconds())
			.withDetail("uptime", humanReadable(uptime))
			.build();
	}

	static String humanReadable(Duration uptime) {
		long days = uptime.toDays();
		int hours = uptime.toHoursPart();
		int minutes = uptime.toMinutesPart();
		if (days > 0) {
			return days + "d " + hours + "h " + minutes + "m";
		}
		if (hours > 0) {
			return hours + "h " + minutes + "m";
		}
		return minutes + "m " + uptime.toSecondsPart() + "s";
	}

}
