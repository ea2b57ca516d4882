package io.github.mcpmonitoring.alerts.rules;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.github.mcpmonitoring.alerts.Alert;
import io.github.mcpmonitoring.alerts.AlertEvaluator;
import io.github.mcpmonitoring.alerts.AlertRule;
import io.github.mcpmonitoring.alerts.AlertSeverity;
import io.github.mcpmonitoring.alerts.AlertState;
import io.github.mcpmonitoring.core.InvalidSettingException;
import io.github.mcpmonitoring.system.MemoryStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tests for {@link MemoryRule}: used memory ratio above 0.80 (warning) or 0.90 (critical), as two instances.
 */
class MemoryRuleTests extends RuleLifecycleTests {

	private final AtomicReference<MemoryStatus> memory = new AtomicReference<>(usedRatio(0.5));

	@Override
	protected AlertRule rule(Duration forDuration) {
		return new MemoryRule(new RuleSettings(AlertSeverity.WARNING, 0.80, forDuration), 0.90, this.memory::get);
	}

	@Override
	protected void conditionHolds() {
		this.memory.set(usedRatio(0.85));
	}

	@Override
	protected void conditionStops() {
		this.memory.set(usedRatio(0.5));
	}

	@Override
	protected String alertName() {
		return "McpMemoryHigh";
	}

	@Override
	protected AlertSeverity severity() {
		return AlertSeverity.WARNING;
	}

	@Override
	protected Map<String, String> labels() {
		return Map.of();
	}

	@Override
	protected double value() {
		return 0.85;
	}

	@Test
	void aboveTheCriticalThresholdFiresWarningAndCriticalInstances() {
		AlertEvaluator evaluator = this.harness.evaluator(rule(Duration.ZERO));
		this.memory.set(usedRatio(0.95));
		evaluator.evaluate();
		assertThat(evaluator.alerts(AlertState.FIRING)).extracting(Alert::severity, Alert::value, Alert::labels)
			.containsExactly(tuple(AlertSeverity.CRITICAL, 0.95, Map.of()),
					tuple(AlertSeverity.WARNING, 0.95, Map.of()));
		assertThat(evaluator.alerts(AlertState.FIRING)).extracting(Alert::description)
			.satisfiesExactly((critical) -> assertThat(critical).contains("is above 90"),
					(warning) -> assertThat(warning).contains("is above 80"));
		assertThat(this.harness.active("McpMemoryHigh", "warning")).isEqualTo(1);
		assertThat(this.harness.active("McpMemoryHigh", "critical")).isEqualTo(1);
		this.memory.set(usedRatio(0.85));
		this.harness.advance(RuleHarness.EVALUATION_INTERVAL);
		evaluator.evaluate();
		assertThat(this.harness.notifier().alerts()).extracting(Alert::severity, Alert::state)
			.containsExactlyInAnyOrder(tuple(AlertSeverity.CRITICAL, AlertState.FIRING),
					tuple(AlertSeverity.WARNING, AlertState.FIRING),
					tuple(AlertSeverity.CRITICAL, AlertState.RESOLVED));
		assertThat(this.harness.active("McpMemoryHigh", "warning")).isEqualTo(1);
		assertThat(this.harness.active("McpMemoryHigh", "critical")).isZero();
	}

	@Test
	void belowTheCriticalThresholdTheAlertHasTheConfiguredSeverity() {
		AlertEvaluator evaluator = this.harness
			.evaluator(new MemoryRule(new RuleSettings(AlertSeverity.ERROR, 0.80, Duration.ZERO), 0.90,
					this.memory::get));
		assertThat(this.harness.active("McpMemoryHigh", "error")).isZero();
		assertThat(this.harness.active("McpMemoryHigh", "critical")).isZero();
		this.memory.set(usedRatio(0.85));
		evaluator.evaluate();
		assertThat(evaluator.alerts(AlertState.FIRING)).extracting(Alert::severity)
			.containsExactly(AlertSeverity.ERROR);
		this.memory.set(usedRatio(0.95));
		this.harness.advance(RuleHarness.EVALUATION_INTERVAL);
		evaluator.evaluate();
		assertThat(evaluator.alerts(AlertState.FIRING)).extracting(Alert::severity)
			.containsExactly(AlertSeverity.CRITICAL, AlertSeverity.ERROR);
	}

	@Test
	void rejectsCriticalAsTheSeverityBelowTheCriticalThreshold() {
		assertThatExceptionOfType(InvalidSettingException.class)
			.isThrownBy(() -> new MemoryRule(new RuleSettings(AlertSeverity.CRITICAL, 0.80, Duration.ZERO), 0.90,
					this.memory::get))
			.satisfies((ex) -> assertThat(ex.setting()).isEqualTo("severity"))
			.withMessage("severity must be info, warning or error");
	}

	@Test
	void rejectsAThresholdAboveTheCriticalOne() {
		assertThatExceptionOfType(InvalidSettingException.class)
			.isThrownBy(() -> new MemoryRule(new RuleSettings(AlertSeverity.WARNING, 0.95, Duration.ZERO), 0.90,
					this.memory::get))
			.satisfies((ex) -> assertThat(ex.setting()).isEqualTo("threshold"))
			.withMessage("threshold must not be above the critical threshold (0.9)");
	}

	@Test
	void rejectsACriticalThresholdThatIsNotARatio() {
		assertThatExceptionOfType(InvalidSettingException.class)
			.isThrownBy(() -> new MemoryRule(new RuleSettings(AlertSeverity.WARNING, 0.80, Duration.ZERO), 1.5,
					this.memory::get))
			.satisfies((ex) -> assertThat(ex.setting()).isEqualTo("criticalThreshold"));
	}

	@Test
	void unknownMemoryDoesNotFire() {
		AlertEvaluator evaluator = this.harness.evaluator(rule(Duration.ZERO));
		this.memory.set(new MemoryStatus(0, 0, -1, -1, -1, false));
		evaluator.evaluate();
		assertThat(evaluator.alerts(AlertState.FIRING)).isEmpty();
	}

	@Test
	void theHigherOfHeapAndSystemCounts() {
		AlertEvaluator evaluator = this.harness.evaluator(rule(Duration.ZERO));
		this.memory.set(new MemoryStatus(900, 100, 1000, 1000, 880, true));
		evaluator.evaluate();
		assertThat(evaluator.alerts(AlertState.FIRING)).singleElement()
			.satisfies((alert) -> assertThat(alert.value()).isEqualTo(0.88));
	}

	/** Heap in use after collection at the given ratio; machine memory unknown. */
	private static MemoryStatus usedRatio(double ratio) {
		return new MemoryStatus(1000, Math.round(ratio * 1000), 1000, -1, -1, false);
	}

}
