package io.github.mcpmonitoring.alerts.rules;

import java.time.Duration;
import java.util.Map;

import io.github.mcpmonitoring.alerts.AlertEvaluator;
import io.github.mcpmonitoring.alerts.AlertRule;
import io.github.mcpmonitoring.alerts.AlertSeverity;
import io.github.mcpmonitoring.alerts.AlertState;
import io.github.mcpmonitoring.core.ErrorTypes;
import io.github.mcpmonitoring.core.McpMeterNames;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link UnknownToolCallsRule}: more than 10 calls of tools the server does not have over the window, on
 * the series the request layer records ({@code tools/call} of the placeholder tool).
 */
class UnknownToolCallsRuleTests extends RuleLifecycleTests {

	@Override
	protected AlertRule rule(Duration forDuration) {
		return new UnknownToolCallsRule(new RuleSettings(AlertSeverity.WARNING, 10, forDuration),
				this.harness.history(), RuleHarness.WINDOW);
	}

	@Override
	protected void conditionHolds() {
		this.harness.unknownToolCalls(12, "2025-06-18");
	}

	@Override
	protected void conditionStops() {
		this.harness.advance(RuleHarness.WINDOW.plusMinutes(1));
	}

	@Override
	protected String alertName() {
		return "McpUnknownToolCalls";
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
		return 12;
	}

	@Test
	void theThresholdItselfDoesNotFire() {
		AlertEvaluator evaluator = startAndWait();
		this.harness.unknownToolCalls(10, "2025-06-18");
		evaluator.evaluate();
		assertThat(evaluator.alerts(AlertState.FIRING)).isEmpty();
	}

	@Test
	void addsUpTheSeriesOfEveryProtocolVersionInOneAlert() {
		AlertEvaluator evaluator = startAndWait();
		this.harness.unknownToolCalls(6, "2025-06-18");
		this.harness.unknownToolCalls(6, "2025-11-25");
		this.harness.unknownToolCalls(1, "");
		evaluator.evaluate();
		assertThat(evaluator.alerts(AlertState.FIRING)).singleElement()
			.satisfies((alert) -> assertThat(alert.value()).isEqualTo(13));
	}

	@Test
	void clientMistakesWithKnownToolsAndOtherMethodsDoNotCount() {
		AlertEvaluator evaluator = startAndWait();
		for (int i = 0; i < 20; i++) {
			// Wrong arguments of a tool the server has, and a method the server does not have.
			this.harness.request(McpMeterNames.METHOD_TOOLS_CALL, "list_media", "", "client", "2025-06-18",
					Duration.ofMillis(2));
			this.harness.request(UnknownToolCallsRule.UNKNOWN_TOOL, "", "", "client", "2025-06-18",
					Duration.ofMillis(2));
			this.harness.toolCall("get_media_entry", Duration.ofMillis(5), "IllegalArgumentException");
			this.harness.request("resources/read", "", ErrorTypes.NONE, McpMeterNames.ORIGIN_NONE, "2025-06-18",
					Duration.ofMillis(2));
		}
		evaluator.evaluate();
		assertThat(evaluator.alerts(AlertState.FIRING)).isEmpty();
	}

	private AlertEvaluator startAndWait() {
		AlertEvaluator evaluator = this.harness.evaluator(rule(Duration.ZERO));
		evaluator.evaluate();
		this.harness.advance(RuleHarness.EVALUATION_INTERVAL);
		return evaluator;
	}

}
