package io.github.mcpmonitoring.alerts.rules;

import java.time.Duration;
import java.util.Map;

import io.github.mcpmonitoring.alerts.Alert;
import io.github.mcpmonitoring.alerts.AlertEvaluator;
import io.github.mcpmonitoring.alerts.AlertRule;
import io.github.mcpmonitoring.alerts.AlertSeverity;
import io.github.mcpmonitoring.alerts.AlertState;
import io.github.mcpmonitoring.core.InvalidSettingException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tests for {@link ApiConsecutiveFailuresRule}: per upstream API, the threshold of failures in a row or more.
 */
class ApiConsecutiveFailuresRuleTests extends RuleLifecycleTests {

	@Override
	protected AlertRule rule(Duration forDuration) {
		return new ApiConsecutiveFailuresRule(new RuleSettings(AlertSeverity.ERROR, 5, forDuration),
				this.harness.registry());
	}

	@Override
	protected void conditionHolds() {
		fail("kaltura.media.list", 5);
	}

	@Override
	protected void conditionStops() {
		this.harness.apiCall("kaltura.media.list", null);
	}

	@Override
	protected String alertName() {
		return "McpApiConsecutiveFailures";
	}

	@Override
	protected AlertSeverity severity() {
		return AlertSeverity.ERROR;
	}

	@Override
	protected Map<String, String> labels() {
		return Map.of("api", "kaltura.media.list");
	}

	@Override
	protected double value() {
		return 5;
	}

	@Test
	void firesPerApiFromTheFifthFailureInARow() {
		AlertEvaluator evaluator = this.harness.evaluator(rule(Duration.ZERO));
		fail("kaltura.media.list", 4);
		fail("kaltura.session.start", 7);
		this.harness.apiCall("kaltura.category.list", null);
		evaluator.evaluate();
		assertThat(evaluator.alerts(AlertState.FIRING)).extracting(Alert::labels, Alert::value, Alert::summary)
			.containsExactly(tuple(Map.of("api", "kaltura.session.start"), 7.0,
					"API kaltura.session.start failed 7 times in a row"));
	}

	@Test
	void rejectsAThresholdBelowOneWhichWouldHoldWithNoFailure() {
		assertThatExceptionOfType(InvalidSettingException.class)
			.isThrownBy(() -> new ApiConsecutiveFailuresRule(new RuleSettings(AlertSeverity.ERROR, 0, Duration.ZERO),
					this.harness.registry()))
			.withMessage("threshold must be at least 1");
	}

	private void fail(String api, int times) {
		for (int i = 0; i < times; i++) {
			this.harness.apiCall(api, new IllegalStateException("INTERNAL_SERVER_ERROR"));
		}
	}

}
