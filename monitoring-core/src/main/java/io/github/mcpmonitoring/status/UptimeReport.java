package io.github.mcpmonitoring.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Reports the process uptime: always {@code UP}, with when the process started and how long it has been running.
 */
public class UptimeReport implements Supplier<ComponentStatus> {

	private final Instant startTime;

	private final Clock clock;

	/**
	 * Create a report.
	 * @param startTime when the process started
	 * @param clock the clock
	 */
	public UptimeReport(Instant startTime, Clock clock) {
		this.startTime = startTime;
		this.clock = clock;
	}

	@Override
	public ComponentStatus get() {
		Duration uptime = Duration.between(this.startTime, this.clock.instant());
		return ComponentStatus.status(ComponentStatus.UP)
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
