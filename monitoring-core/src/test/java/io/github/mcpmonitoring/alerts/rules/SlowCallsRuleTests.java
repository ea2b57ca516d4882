package io.github.mcpmonitoring.alerts.rules;

import java.time.Duration;
import java.util.Map;

import io.github.mcpmonitoring.alerts.Alert;
import io.github.mcpmonitoring.alerts.AlertEvaluator;
import io.github.mcpmonitoring.alerts.AlertRule;
import io.github.mcpmonitoring.alerts.AlertSeverity;
import io.github.mcpmonitoring.alerts.AlertState;
import io.github.mcpmonitoring.core.ErrorTypes;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tests for {@link SlowCallsRule}: a tool or upstream API exceeded its slow-call threshold in the last 5 minutes.
 */
class SlowCallsRuleTests extends RuleLifecycleTests {

	private static final Duration SLOW = Duration.ofSeconds(1);

	@Override
	protected AlertRule rule(Duration forDuration) {
		return new SlowCallsRule(new RuleSettings(AlertSeverity.INFO, 0, forDuration), this.harness.history(),
				RuleHarness.WINDOW);
	}

	@Override
	protected void conditionHolds() {
		this.harness.toolCall("list_media", Duration.ofSeconds(3), ErrorTypes.NONE, SLOW);
		this.harness.toolCall("list_media", Duration.ofMillis(300), ErrorTypes.NONE, SLOW);
	}

	@Override
	protected void conditionStops() {
		this.harness.advance(RuleHarness.WINDOW.plusMinutes(1));
		this.harness.toolCall("list_media", Duration.ofMillis(300), ErrorTypes.NONE, SLOW);
	}

	@Override
	protected String alertName() {
		return "McpSlowCalls";
	}

	@Override
	protected AlertSeverity severity() {
		return AlertSeverity.INFO;
	}

	@Override
	protected Map<String, String> labels() {
		return Map.of("gen_ai_tool_name", "list_media");
	}

	@Override
	protected double value() {
		return 1;
	}

	@Test
	void firesPerToolAndPerApi() {
		AlertEvaluator evaluator = this.harness.evaluator(rule(Duration.ZERO));
		evaluator.evaluate();
		this.harness.advance(RuleHarness.EVALUATION_INTERVAL);
		this.harness.toolCall("search_entries", Duration.ofSeconds(2), ErrorTypes.NONE, SLOW);
		this.harness.apiCall("kaltura.media.list", Duration.ofSeconds(2), null, SLOW);
		this.harness.apiCall("kaltura.media.list", Duration.ofSeconds(2), new IllegalStateException("late"), SLOW);
		evaluator.evaluate();
		assertThat(evaluator.alerts(AlertState.FIRING)).extracting(Alert::labels, Alert::value, Alert::summary)
			.containsExactlyInAnyOrder(
					tuple(Map.of("gen_ai_tool_name", "search_entries"), 1.0, "Tool search_entries made 1 slow calls"),
					tuple(Map.of("api", "kaltura.media.list"), 2.0, "API kaltura.media.list made 2 slow calls"));
	}

}
