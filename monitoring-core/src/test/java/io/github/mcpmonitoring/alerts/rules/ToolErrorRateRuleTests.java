package io.github.mcpmonitoring.alerts.rules;

import java.time.Duration;
import java.util.Map;

import io.github.mcpmonitoring.alerts.AlertEvaluator;
import io.github.mcpmonitoring.alerts.AlertRule;
import io.github.mcpmonitoring.alerts.AlertSeverity;
import io.github.mcpmonitoring.alerts.AlertState;
import io.github.mcpmonitoring.core.ErrorTypes;
import io.github.mcpmonitoring.core.InvalidSettingException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tests for {@link ToolErrorRateRule}: failed over all calls of each tool in the window, above 0.05, with at least
 * the minimum number of calls.
 */
class ToolErrorRateRuleTests extends RuleLifecycleTests {

	@Override
	protected AlertRule rule(Duration forDuration) {
		return new ToolErrorRateRule(new RuleSettings(AlertSeverity.ERROR, 0.05, forDuration), this.harness.history(),
				RuleHarness.WINDOW, 10);
	}

	@Override
	protected void conditionHolds() {
		this.harness.toolCalls("search_entries", 7, ErrorTypes.NONE);
		this.harness.toolCalls("search_entries", 2, "KalturaApiException");
		this.harness.toolCalls("search_entries", 1, ErrorTypes.TOOL_ERROR);
	}

	@Override
	protected void conditionStops() {
		this.harness.advance(RuleHarness.WINDOW.plusMinutes(1));
		this.harness.toolCalls("search_entries", 20, ErrorTypes.NONE);
	}

	@Override
	protected String alertName() {
		return "McpToolErrorRateHigh";
	}

	@Override
	protected AlertSeverity severity() {
		return AlertSeverity.ERROR;
	}

	@Override
	protected Map<String, String> labels() {
		return Map.of("gen_ai_tool_name", "search_entries");
	}

	@Override
	protected double value() {
		return 0.3;
	}

	@Test
	void staysQuietWithFewerCallsThanTheMinimum() {
		AlertEvaluator evaluator = startAndWait();
		this.harness.toolCalls("search_entries", 9, "KalturaApiException");
		evaluator.evaluate();
		assertThat(evaluator.alerts(AlertState.FIRING)).isEmpty();
		this.harness.advance(RuleHarness.EVALUATION_INTERVAL);
		this.harness.toolCalls("search_entries", 1, ErrorTypes.NONE);
		evaluator.evaluate();
		assertThat(evaluator.alerts(AlertState.FIRING)).singleElement()
			.satisfies((alert) -> assertThat(alert.value()).isEqualTo(0.9));
	}

	@Test
	void ratioEqualToTheThresholdDoesNotFire() {
		AlertEvaluator evaluator = startAndWait();
		this.harness.toolCalls("list_media", 19, ErrorTypes.NONE);
		this.harness.toolCalls("list_media", 1, ErrorTypes.TOOL_ERROR);
		evaluator.evaluate();
		assertThat(evaluator.alerts(AlertState.FIRING)).isEmpty();
	}

	@Test
	void firesPerTool() {
		AlertEvaluator evaluator = startAndWait();
		this.harness.toolCalls("list_media", 20, ErrorTypes.NONE);
		this.harness.toolCalls("search_entries", 8, ErrorTypes.NONE);
		this.harness.toolCalls("search_entries", 2, "IllegalStateException");
		this.harness.toolCalls("get_media_entry", 10, "KalturaApiException");
		evaluator.evaluate();
		assertThat(evaluator.alerts(AlertState.FIRING))
			.extracting((alert) -> alert.labels().get("gen_ai_tool_name"), (alert) -> alert.value())
			.containsExactlyInAnyOrder(tuple("search_entries", 0.2),
					tuple("get_media_entry", 1.0));
	}

	@Test
	void forgetsFailuresOnceTheyAreOutsideTheWindow() {
		AlertEvaluator evaluator = startAndWait();
		this.harness.toolCalls("list_media", 10, "KalturaApiException");
		evaluator.evaluate();
		for (int step = 1; step < 20; step++) {
			this.harness.advance(RuleHarness.EVALUATION_INTERVAL);
			this.harness.toolCalls("list_media", 1, ErrorTypes.NONE);
			evaluator.evaluate();
			assertThat(evaluator.alerts(AlertState.FIRING)).as("firing after %d evaluations", step).hasSize(1);
		}
		// 5 minutes after the failures, the window starts at the snapshot that already counted them.
		this.harness.advance(RuleHarness.EVALUATION_INTERVAL);
		this.harness.toolCalls("list_media", 1, ErrorTypes.NONE);
		evaluator.evaluate();
		assertThat(evaluator.alerts(AlertState.FIRING)).isEmpty();
	}

	private AlertEvaluator startAndWait() {
		AlertEvaluator evaluator = this.harness.evaluator(rule(Duration.ZERO));
		evaluator.evaluate();
		this.harness.advance(RuleHarness.EVALUATION_INTERVAL);
		return evaluator;
	}

	@Test
	void rejectsAThresholdThatIsNotARatioAnEmptyWindowAndANegativeMinimum() {
		assertThatExceptionOfType(InvalidSettingException.class)
			.isThrownBy(() -> new ToolErrorRateRule(new RuleSettings(AlertSeverity.ERROR, 2, Duration.ZERO),
					this.harness.history(), RuleHarness.WINDOW, 10))
			.satisfies((ex) -> assertThat(ex.setting()).isEqualTo("threshold"));
		assertThatExceptionOfType(InvalidSettingException.class)
			.isThrownBy(() -> new ToolErrorRateRule(new RuleSettings(AlertSeverity.ERROR, 0.05, Duration.ZERO),
					this.harness.history(), Duration.ZERO, 10))
			.satisfies((ex) -> assertThat(ex.setting()).isEqualTo("window"));
		assertThatExceptionOfType(InvalidSettingException.class)
			.isThrownBy(() -> new ToolErrorRateRule(new RuleSettings(AlertSeverity.ERROR, 0.05, Duration.ZERO),
					this.harness.history(), RuleHarness.WINDOW, -1))
			.satisfies((ex) -> assertThat(ex.setting()).isEqualTo("minCalls"));
	}

}
