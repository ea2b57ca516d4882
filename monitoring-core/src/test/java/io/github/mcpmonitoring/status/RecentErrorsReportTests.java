package io.github.mcpmonitoring.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.github.mcpmonitoring.core.CallFailure;
import io.github.mcpmonitoring.failures.FailureClass;
import io.github.mcpmonitoring.core.InvalidSettingException;
import io.github.mcpmonitoring.core.PeriodicSnapshot;
import io.github.mcpmonitoring.errors.MessageRedactor;
import io.github.mcpmonitoring.errors.RecentErrors;
import io.github.mcpmonitoring.errors.RecentErrorsSummary;
import io.github.mcpmonitoring.testing.MutableClock;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link RecentErrorsReport}.
 */
class RecentErrorsReportTests {

	private static final Instant START = Instant.parse("2025-06-01T12:00:00Z");

	private static final Duration WINDOW = Duration.ofHours(1);

	private final MutableClock clock = new MutableClock(START);

	private final RecentErrors errors = new RecentErrors(100, new MessageRedactor(List.of("s3cr3t"), 200));

	private final PeriodicSnapshot<RecentErrorsSummary> snapshot = new PeriodicSnapshot<>(
			() -> this.errors.summarize(this.clock.instant(), WINDOW), this.clock);

	private final SnapshotReport<RecentErrorsSummary> report = new SnapshotReport<>(this.snapshot,
			Duration.ofMinutes(1), new RecentErrorsReport(10, this.errors.capacity()));

	@ParameterizedTest
	@CsvSource({ "0, UP, ok", "1, UP, warning", "9, UP, warning", "10, WARNING, critical", "11, WARNING, critical" })
	void levelFollowsTheCountInTheWindow(int failures, String status, String level) {
		for (int i = 0; i < failures; i++) {
			fail("kaltura.media.get", "IOException", "timeout");
		}
		ComponentStatus health = check();
		assertThat(health.status()).isEqualTo(status);
		assertThat(health.details()).containsEntry("level", level).containsEntry("count", failures);
	}

	@Test
	void detailsGiveCountsByNameAndErrorTypeAndTheLastError() {
		fail("kaltura.media.get", "IOException", "connection reset");
		fail("kaltura.media.get", "SocketTimeoutException", "read timed out");
		this.clock.add(Duration.ofSeconds(1));
		this.errors.onFailure(new CallFailure(this.clock.instant(), CallFailure.TOOL, "get_media_entry",
				"tool_error", "login with s3cr3t refused"));
		ComponentStatus health = check();
		assertThat(health.details()).containsEntry("window", "PT1H")
			.containsEntry("count", 3)
			.containsEntry("criticalCount", 10)
			.containsEntry("byName", Map.of("kaltura.media.get", 2, "get_media_entry", 1))
			.containsEntry("byErrorType", Map.of("IOException", 1, "SocketTimeoutException", 1, "tool_error", 1))
			.containsEntry("checkedAt", "2025-06-01T12:00:01Z");
		assertThat(health.details().get("last")).isEqualTo(Map.of("time", "2025-06-01T12:00:01Z", "kind", "tool",
				"name", "get_media_entry", "errorType", "tool_error", "clientError", false, "message",
				"login with [redacted] refused"));
	}

	@Test
	void clientMistakesAreShownButNeverRaiseTheLevel() {
		for (int i = 0; i < 100; i++) {
			this.errors.onFailure(new CallFailure(this.clock.instant(), CallFailure.TOOL, "get_media_entry",
					"IllegalArgumentException", "Invalid entry_id 'forbidden'", FailureClass.CLIENT_MISTAKE));
		}
		ComponentStatus health = check();
		assertThat(health.status()).isEqualTo(ComponentStatus.UP);
		assertThat(health.details()).containsEntry("level", "ok")
			.containsEntry("count", 0)
			.containsEntry("clientErrors", 100);
		assertThat(health.details().get("last")).asInstanceOf(InstanceOfAssertFactories.MAP)
			.containsEntry("clientError", true);
	}

	@Test
	void lastErrorWithoutAMessageHasNoMessage() {
		fail("kaltura.media.get", "IOException", null);
		assertThat(check().details().get("last")).isEqualTo(Map.of("time", "2025-06-01T12:00:00Z", "kind", "api",
				"name", "kaltura.media.get", "errorType", "IOException", "clientError", false));
	}

	@Test
	void noLastErrorBeforeTheFirstFailure() {
		assertThat(check().details()).doesNotContainKey("last").containsEntry("byName", Map.of());
	}

	@Test
	void failuresAgeOutOfTheWindowOnTheNextRefresh() {
		for (int i = 0; i < 10; i++) {
			fail("kaltura.media.get", "IOException", "timeout");
		}
		assertThat(check().status()).isEqualTo(ComponentStatus.WARNING);
		this.clock.add(WINDOW);
		assertThat(check().status()).isEqualTo(ComponentStatus.WARNING);
		this.clock.add(Duration.ofSeconds(1));
		ComponentStatus health = check();
		assertThat(health.status()).isEqualTo(ComponentStatus.UP);
		assertThat(health.details()).containsEntry("level", "ok").containsEntry("count", 0).containsKey("last");
	}

	@Test
	void unknownBeforeTheFirstRefreshAndWhenStale() {
		fail("kaltura.media.get", "IOException", "timeout");
		assertThat(this.report.get().status()).isEqualTo(ComponentStatus.UNKNOWN);
		assertThat(check().status()).isEqualTo(ComponentStatus.UP);
		this.clock.add(Duration.ofSeconds(61));
		assertThat(this.report.get().status()).isEqualTo(ComponentStatus.UNKNOWN);
	}

	private void fail(String api, String errorType, String message) {
		this.errors.onFailure(new CallFailure(this.clock.instant(), CallFailure.API, api, errorType, message));
	}

	private ComponentStatus check() {
		this.snapshot.refresh();
		return this.report.get();
	}

	@Test
	void rejectsACriticalCountAboveTheCapacityOrBelowOne() {
		assertThatExceptionOfType(InvalidSettingException.class)
			.isThrownBy(() -> new RecentErrorsReport(101, 100))
			.withMessage("criticalCount must not be above the recent errors capacity (100)");
		assertThatExceptionOfType(InvalidSettingException.class)
			.isThrownBy(() -> new RecentErrorsReport(0, 100))
			.withMessage("criticalCount must be at least 1");
		assertThat(new RecentErrorsReport(100, 100)).isNotNull();
	}

}
