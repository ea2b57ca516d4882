package io.github.mcpmonitoring.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.github.mcpmonitoring.alerts.AlertEvaluator;
import io.github.mcpmonitoring.alerts.AlertSeverity;
import io.github.mcpmonitoring.alerts.TestRule;
import io.github.mcpmonitoring.testing.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.github.mcpmonitoring.alerts.TestRule.candidate;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AlertsReport}.
 */
class AlertsReportTests {

	private static final Instant START = Instant.parse("2025-06-01T12:00:00Z");

	private final MutableClock clock = new MutableClock(START);

	private final TestRule immediate = new TestRule("immediate", "ImmediateAlert", Duration.ZERO,
			AlertSeverity.values());

	private final TestRule slow = new TestRule("slow", "SlowAlert", Duration.ofMinutes(5), AlertSeverity.values());

	private final AlertEvaluator evaluator = new AlertEvaluator(List.of(this.immediate, this.slow), List.of(),
			List.of(), this.clock, Duration.ofHours(1), (rule) -> null, 100, new SimpleMeterRegistry());

	private final AlertsReport report = new AlertsReport(this.evaluator);

	@Test
	void isUpWithEmptyListsWhenNothingHolds() {
		this.evaluator.evaluate();
		ComponentStatus health = this.report.get();
		assertThat(health.status()).isEqualTo(ComponentStatus.UP);
		assertThat(health.details()).containsExactly(Map.entry("firing", List.of()),
				Map.entry("pending", List.of()));
	}

	@ParameterizedTest
	@CsvSource({ "INFO, UP", "WARNING, UP", "ERROR, WARNING", "CRITICAL, WARNING" })
	void isWarningNeverDownWhileAnErrorOrCriticalAlertFires(AlertSeverity severity, String status) {
		this.immediate.holds(candidate(severity, 1, "api", "kaltura.media.list"));
		this.evaluator.evaluate();
		assertThat(this.report.get().status()).isEqualTo(status);
	}

	@Test
	void pendingCriticalAlertLeavesItUp() {
		this.slow.holds(candidate(AlertSeverity.CRITICAL, 1));
		this.evaluator.evaluate();
		ComponentStatus health = this.report.get();
		assertThat(health.status()).isEqualTo(ComponentStatus.UP);
		assertThat(health.details().get("pending")).asInstanceOf(InstanceOfAssertFactories.LIST).hasSize(1);
	}

	@Test
	void listsFiringAndPendingAlertsWithNameSeverityLabelsSinceAndSummary() {
		this.slow.holds(candidate(AlertSeverity.WARNING, 0.85));
		this.evaluator.evaluate();
		this.clock.add(Duration.ofMinutes(1));
		this.immediate.holds(candidate(AlertSeverity.ERROR, 0.3, "gen_ai_tool_name", "search_entries"));
		this.evaluator.evaluate();
		ComponentStatus health = this.report.get();
		assertThat(health.status()).isEqualTo(ComponentStatus.WARNING);
		assertThat(health.details().get("firing")).isEqualTo(List.of(Map.of("name", "ImmediateAlert", "severity",
				"error", "labels", Map.of("gen_ai_tool_name", "search_entries"), "since",
				START.plus(Duration.ofMinutes(1)).toString(), "summary", "ImmediateAlert at 0.3")));
		assertThat(health.details().get("pending")).isEqualTo(List.of(Map.of("name", "SlowAlert", "severity",
				"warning", "labels", Map.of(), "since", START.toString(), "summary", "SlowAlert at 0.85")));
	}

	@Test
	void sinceOfAFiringAlertIsWhenItStartedFiring() {
		this.slow.holds(candidate(AlertSeverity.ERROR, 1));
		this.evaluator.evaluate();
		this.clock.add(Duration.ofMinutes(5));
		this.evaluator.evaluate();
		assertThat(this.report.get().details().get("firing")).asInstanceOf(InstanceOfAssertFactories.LIST)
			.singleElement()
			.satisfies((alert) -> assertThat(alert).asInstanceOf(InstanceOfAssertFactories.MAP)
				.containsEntry("since", START.plus(Duration.ofMinutes(5)).toString()));
	}

}
