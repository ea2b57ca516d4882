package io.github.mcpmonitoring.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link UptimeReport}.
 */
class UptimeReportTests {

	private static final Instant START = Instant.parse("2025-06-01T08:30:00.250Z");

	@Test
	void upWithStartTimeSecondsAndHumanReadableUptime() {
		Duration uptime = Duration.ofDays(2).plusHours(3).plusMinutes(4).plusSeconds(5);
		ComponentStatus health = reportAfter(uptime).get();
		assertThat(health.status()).isEqualTo(ComponentStatus.UP);
		assertThat(health.details()).containsEntry("startTime", "2025-06-01T08:30:00.250Z")
			.containsEntry("uptimeSeconds", 183_845L)
			.containsEntry("uptime", "2d 3h 4m")
			.hasSize(3);
	}

	@Test
	void humanReadableUptimeLeavesOutEmptyLeadingUnits() {
		assertThat(uptime(Duration.ofHours(3).plusMinutes(4).plusSeconds(5))).isEqualTo("3h 4m");
		assertThat(uptime(Duration.ofMinutes(4).plusSeconds(5))).isEqualTo("4m 5s");
		assertThat(uptime(Duration.ofSeconds(59))).isEqualTo("0m 59s");
		assertThat(uptime(Duration.ofDays(1))).isEqualTo("1d 0h 0m");
	}

	private static String uptime(Duration uptime) {
		return (String) reportAfter(uptime).get().details().get("uptime");
	}

	private static UptimeReport reportAfter(Duration uptime) {
		return new UptimeReport(START, Clock.fixed(START.plus(uptime), ZoneOffset.UTC));
	}

}
