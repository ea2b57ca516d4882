package io.github.mcpmonitoring.alerts.rules;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.mcpmonitoring.alerts.AlertEvaluator;
import io.github.mcpmonitoring.alerts.AlertRule;
import io.github.mcpmonitoring.alerts.AlertSeverity;
import io.github.mcpmonitoring.alerts.AlertState;
import io.github.mcpmonitoring.core.ErrorTypes;
import io.github.mcpmonitoring.core.InvalidSettingException;
import io.github.mcpmonitoring.errors.MessageRedactor;
import io.github.mcpmonitoring.errors.RecentErrors;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link RecentErrorsRule}: more than 10 failed tool and API calls in the last hour.
 */
class RecentErrorsRuleTests extends RuleLifecycleTests {

	private static final Duration HOUR = Duration.ofHours(1);

	@Override
	protected AlertRule rule(Duration forDuration) {
		return new RecentErrorsRule(new RuleSettings(AlertSeverity.WARNING, 10, forDuration),
				this.harness.recentErrors(), HOUR);
	}

	@Override
	protected void conditionHolds() {
		this.harness.toolCalls("list_media", 6, "KalturaApiException");
		for (int i = 0; i < 5; i++) {
			this.harness.apiCall("kaltura.media.list", new IllegalStateException("INTERNAL_SERVER_ERROR"));
		}
	}

	@Override
	protected void conditionStops() {
		this.harness.advance(HOUR.plusSeconds(1));
	}

	@Override
	protected String alertName() {
		return "McpRecentErrorsHigh";
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
		return 11;
	}

	@Test
	void tenFailuresDoNotFire() {
		AlertEvaluator evaluator = this.harness.evaluator(rule(Duration.ZERO));
		this.harness.toolCalls("list_media", 10, ErrorTypes.TOOL_ERROR);
		this.harness.toolCalls("list_media", 50, ErrorTypes.NONE);
		evaluator.evaluate();
		assertThat(evaluator.alerts(AlertState.FIRING)).isEmpty();
	}

	@Test
	void countsOnlyTheFailuresOfTheLastHour() {
		AlertEvaluator evaluator = this.harness.evaluator(rule(Duration.ZERO));
		this.harness.toolCalls("list_media", 6, ErrorTypes.TOOL_ERROR);
		this.harness.advance(Duration.ofMinutes(59));
		this.harness.toolCalls("list_media", 5, ErrorTypes.TOOL_ERROR);
		evaluator.evaluate();
		assertThat(evaluator.alerts(AlertState.FIRING)).singleElement()
			.satisfies((alert) -> assertThat(alert.value()).isEqualTo(11));
		this.harness.advance(Duration.ofMinutes(1).plusMillis(1));
		evaluator.evaluate();
		assertThat(evaluator.alerts(AlertState.FIRING)).isEmpty();
	}

	@Test
	void rejectsAThresholdTheBufferCanNeverExceed() {
		RecentErrors twenty = new RecentErrors(20, new MessageRedactor(List.of(), 200));
		assertThatExceptionOfType(InvalidSettingException.class)
			.isThrownBy(() -> new RecentErrorsRule(new RuleSettings(AlertSeverity.WARNING, 20, Duration.ZERO), twenty,
					HOUR))
			.satisfies((ex) -> assertThat(ex.setting()).isEqualTo("threshold"))
			.withMessage("threshold must be below the recent errors capacity (20), or the alert could never fire");
		assertThat(new RecentErrorsRule(new RuleSettings(AlertSeverity.WARNING, 19, Duration.ZERO), twenty, HOUR))
			.isNotNull();
	}

}
