package io.github.mcpmonitoring.alerts.rules;

import java.time.Duration;
import java.util.Map;

import io.github.mcpmonitoring.alerts.AlertEvaluator;
import io.github.mcpmonitoring.alerts.AlertRule;
import io.github.mcpmonitoring.alerts.AlertSeverity;
import io.github.mcpmonitoring.alerts.AlertState;
import io.github.mcpmonitoring.core.ErrorTypes;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/**
 * Tests for {@link ToolLatencyRule}: the p95 of each tool over the window, estimated from the histogram buckets,
 * above 2 s.
 */
class ToolLatencyRuleTests extends RuleLifecycleTests {

	@Override
	protected AlertRule rule(Duration forDuration) {
		return new ToolLatencyRule(new RuleSettings(AlertSeverity.WARNING, 2.0, forDuration), this.harness.history(),
				RuleHarness.WINDOW);
	}

	@Override
	protected void conditionHolds() {
		for (int i = 0; i < 20; i++) {
			this.harness.toolCall("list_media", Duration.ofSeconds(3), ErrorTypes.NONE);
		}
	}

	@Override
	protected void conditionStops() {
		this.harness.advance(RuleHarness.WINDOW.plusMinutes(1));
		for (int i = 0; i < 20; i++) {
			this.harness.toolCall("list_media", Duration.ofMillis(100), ErrorTypes.NONE);
		}
	}

	@Override
	protected String alertName() {
		return "McpToolLatencyHigh";
	}

	@Override
	protected AlertSeverity severity() {
		return AlertSeverity.WARNING;
	}

	@Override
	protected Map<String, String> labels() {
		return Map.of("gen_ai_tool_name", "list_media");
	}

	@Override
	protected double value() {
		// All 20 calls in the (2 s, 5 s] bucket: rank 0.95 * 20 = 19, so 2 + 3 * 19 / 20.
		return 4.85;
	}

	@Test
	void fewSlowCallsAmongManyFastOnesDoNotFire() {
		AlertEvaluator evaluator = startAndWait();
		for (int i = 0; i < 19; i++) {
			this.harness.toolCall("get_media_entry", Duration.ofMillis(80), ErrorTypes.NONE);
		}
		this.harness.toolCall("get_media_entry", Duration.ofSeconds(20), "KalturaTransportException");
		evaluator.evaluate();
		assertThat(evaluator.alerts(AlertState.FIRING)).isEmpty();
		// rank 19 falls in (0.05 s, 0.1 s], which holds the 19 fast calls
		assertThat(this.harness.history().toolWindows(RuleHarness.WINDOW).get("get_media_entry").quantile(0.95))
			.isCloseTo(0.1, offset(1e-12));
	}

	@Test
	void failedCallsCountInTheLatency() {
		AlertEvaluator evaluator = startAndWait();
		for (int i = 0; i < 10; i++) {
			this.harness.toolCall("search_entries", Duration.ofMillis(80), ErrorTypes.NONE);
			this.harness.toolCall("search_entries", Duration.ofSeconds(7), "KalturaTransportException");
		}
		evaluator.evaluate();
		// 20 calls, 10 of them in (5 s, 10 s]: rank 19 is the 9th of those, 5 + 5 * 9 / 10.
		assertThat(evaluator.alerts(AlertState.FIRING)).singleElement()
			.satisfies((alert) -> assertThat(alert.value()).isCloseTo(9.5, offset(1e-12)));
	}

	@Test
	void callsSlowerThanTheLastBucketGiveItsBound() {
		AlertEvaluator evaluator = startAndWait();
		for (int i = 0; i < 5; i++) {
			this.harness.toolCall("list_categories", Duration.ofMinutes(6), ErrorTypes.NONE);
		}
		evaluator.evaluate();
		assertThat(evaluator.alerts(AlertState.FIRING)).singleElement()
			.satisfies((alert) -> assertThat(alert.value()).isEqualTo(300.0));
	}

	private AlertEvaluator startAndWait() {
		AlertEvaluator evaluator = this.harness.evaluator(rule(Duration.ZERO));
		evaluator.evaluate();
		this.harness.advance(RuleHarness.EVALUATION_INTERVAL);
		return evaluator;
	}

}
