package io.github.mcpmonitoring.alerts.rules;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.github.mcpmonitoring.alerts.AlertEvaluator;
import io.github.mcpmonitoring.alerts.AlertRule;
import io.github.mcpmonitoring.alerts.AlertSeverity;
import io.github.mcpmonitoring.alerts.AlertState;
import io.micrometer.core.instrument.Gauge;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/**
 * Tests for {@link DiskSpaceRule}: per path, {@code 1 - disk.free / disk.total} above 0.90, from the gauges Spring
 * Boot registers.
 */
class DiskSpaceRuleTests extends RuleLifecycleTests {

	private final AtomicLong dataFree = new AtomicLong(50);

	private final AtomicLong rootFree = new AtomicLong(500);

	@BeforeEach
	void registerDiskGauges() {
		disk("/data", 100, this.dataFree);
		disk("/", 1000, this.rootFree);
	}

	@Override
	protected AlertRule rule(Duration forDuration) {
		return new DiskSpaceRule(new RuleSettings(AlertSeverity.WARNING, 0.90, forDuration), this.harness.registry());
	}

	@Override
	protected void conditionHolds() {
		this.dataFree.set(5);
	}

	@Override
	protected void conditionStops() {
		this.dataFree.set(50);
	}

	@Override
	protected String alertName() {
		return "McpDiskSpaceLow";
	}

	@Override
	protected AlertSeverity severity() {
		return AlertSeverity.WARNING;
	}

	@Override
	protected Map<String, String> labels() {
		return Map.of("path", "/data");
	}

	@Override
	protected double value() {
		return 0.95;
	}

	@Test
	void firesPerPath() {
		AlertEvaluator evaluator = this.harness.evaluator(rule(Duration.ZERO));
		this.dataFree.set(8);
		this.rootFree.set(20);
		evaluator.evaluate();
		assertThat(evaluator.alerts(AlertState.FIRING)).extracting((alert) -> alert.labels().get("path"))
			.containsExactlyInAnyOrder("/data", "/");
		assertThat(evaluator.alerts(AlertState.FIRING))
			.filteredOn((alert) -> alert.labels().get("path").equals("/"))
			.singleElement()
			.satisfies((alert) -> assertThat(alert.value()).isCloseTo(0.98, offset(1e-12)));
		assertThat(this.harness.active("McpDiskSpaceLow", "warning")).isEqualTo(2);
	}

	@Test
	void exactlyTheThresholdDoesNotFire() {
		AlertEvaluator evaluator = this.harness.evaluator(rule(Duration.ZERO));
		this.rootFree.set(100);
		evaluator.evaluate();
		assertThat(evaluator.alerts(AlertState.FIRING)).isEmpty();
		this.rootFree.set(99);
		evaluator.evaluate();
		assertThat(evaluator.alerts(AlertState.FIRING)).singleElement().satisfies((alert) -> {
			assertThat(alert.labels()).isEqualTo(Map.of("path", "/"));
			assertThat(alert.value()).isCloseTo(0.901, offset(1e-12));
		});
	}

	private void disk(String path, long total, AtomicLong free) {
		Gauge.builder("disk.free", free, AtomicLong::get).tag("path", path).register(this.harness.registry());
		Gauge.builder("disk.total", () -> total).tag("path", path).register(this.harness.registry());
	}

}
