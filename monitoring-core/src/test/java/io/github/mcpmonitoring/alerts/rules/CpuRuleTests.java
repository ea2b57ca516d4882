package io.github.mcpmonitoring.alerts.rules;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.github.mcpmonitoring.alerts.AlertEvaluator;
import io.github.mcpmonitoring.alerts.AlertRule;
import io.github.mcpmonitoring.alerts.AlertSeverity;
import io.github.mcpmonitoring.alerts.AlertState;
import io.github.mcpmonitoring.core.InvalidSettingException;
import io.micrometer.core.instrument.Gauge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link CpuRule}: {@code system.cpu.usage} above the threshold.
 */
class CpuRuleTests extends RuleLifecycleTests {

	private final AtomicReference<Double> usage = new AtomicReference<>(0.2);

	CpuRuleTests() {
		Gauge.builder("system.cpu.usage", this.usage, AtomicReference::get).register(this.harness.registry());
	}

	@Override
	protected AlertRule rule(Duration forDuration) {
		return new CpuRule(new RuleSettings(AlertSeverity.WARNING, 0.85, forDuration), this.harness.registry());
	}

	@Override
	protected void conditionHolds() {
		this.usage.set(0.93);
	}

	@Override
	protected void conditionStops() {
		this.usage.set(0.4);
	}

	@Override
	protected String alertName() {
		return "McpCpuHigh";
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
		return 0.93;
	}

	@Test
	void firesAboveTheThresholdOnly() {
		AlertEvaluator evaluator = this.harness.evaluator(rule(Duration.ZERO));
		this.usage.set(0.85);
		evaluator.evaluate();
		assertThat(evaluator.alerts(AlertState.FIRING)).isEmpty();
		this.usage.set(0.851);
		evaluator.evaluate();
		assertThat(evaluator.alerts(AlertState.FIRING)).singleElement()
			.satisfies((alert) -> assertThat(alert.summary()).isEqualTo("CPU usage is 85%"));
	}

	@Test
	void unknownUsageDoesNotFire() {
		AlertEvaluator evaluator = this.harness.evaluator(rule(Duration.ZERO));
		this.usage.set(Double.NaN);
		evaluator.evaluate();
		assertThat(evaluator.alerts(AlertState.FIRING)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(doubles = { -0.5, 1.5, 90, Double.NaN })
	void rejectsAThresholdThatIsNotARatio(double threshold) {
		assertThatExceptionOfType(InvalidSettingException.class)
			.isThrownBy(() -> new CpuRule(new RuleSettings(AlertSeverity.WARNING, threshold, Duration.ZERO),
					this.harness.registry()))
			.satisfies((ex) -> assertThat(ex.setting()).isEqualTo("threshold"))
			.withMessage("threshold must be between 0 and 1");
	}

}
