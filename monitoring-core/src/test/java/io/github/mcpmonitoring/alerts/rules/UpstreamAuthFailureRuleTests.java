package io.github.mcpmonitoring.alerts.rules;

import java.time.Duration;
import java.util.Map;

import io.github.mcpmonitoring.alerts.AlertEvaluator;
import io.github.mcpmonitoring.alerts.AlertRule;
import io.github.mcpmonitoring.alerts.AlertSeverity;
import io.github.mcpmonitoring.alerts.AlertState;
import io.github.mcpmonitoring.errors.AuthenticationFailures;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpClientErrorException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link UpstreamAuthFailureRule}: a tool or API call failed with what looks like an authentication
 * failure in the last 5 minutes.
 */
class UpstreamAuthFailureRuleTests extends RuleLifecycleTests {

	@Override
	protected AlertRule rule(Duration forDuration) {
		return new UpstreamAuthFailureRule(new RuleSettings(AlertSeverity.ERROR, 0, forDuration),
				this.harness.history(), RuleHarness.WINDOW);
	}

	@Override
	protected void conditionHolds() {
		this.harness.apiCall("kaltura.media.list", new IllegalStateException("INVALID_KS: Invalid KS \"djJ8...\""));
	}

	@Override
	protected void conditionStops() {
		this.harness.advance(RuleHarness.WINDOW.plusMinutes(1));
		this.harness.apiCall("kaltura.media.list", null);
	}

	@Override
	protected String alertName() {
		return "McpUpstreamAuthFailure";
	}

	@Override
	protected AlertSeverity severity() {
		return AlertSeverity.ERROR;
	}

	@Override
	protected Map<String, String> labels() {
		return Map.of("name", "kaltura.media.list");
	}

	@Override
	protected double value() {
		return 1;
	}

	@Test
	void clientMistakesThatSoundLikeAuthenticationDoNotFire() {
		AlertEvaluator evaluator = this.harness.evaluator(rule(Duration.ZERO));
		evaluator.evaluate();
		this.harness.advance(RuleHarness.EVALUATION_INTERVAL);
		for (String typed : new String[] { "403", "forbidden", "authentication failed", "INVALID_KS" }) {
			this.harness.toolCall("get_media_entry",
					new IllegalArgumentException("Invalid entry_id '" + typed + "'"), false);
		}
		evaluator.evaluate();
		assertThat(evaluator.alerts(AlertState.FIRING)).isEmpty();
		assertThat(this.harness.registry().find(AuthenticationFailures.METER_NAME).counters()).isEmpty();
	}

	@Test
	void otherFailuresDoNotFire() {
		AlertEvaluator evaluator = this.harness.evaluator(rule(Duration.ZERO));
		evaluator.evaluate();
		this.harness.advance(RuleHarness.EVALUATION_INTERVAL);
		this.harness.apiCall("kaltura.media.list", new IllegalStateException("INTERNAL_SERVER_ERROR"));
		this.harness.apiCall("kaltura.media.get", new IllegalStateException("Entry id \"0_4013abc\" not found"));
		evaluator.evaluate();
		assertThat(evaluator.alerts(AlertState.FIRING)).isEmpty();
	}

	@Test
	void countsFailedToolCallsUnderTheToolName() {
		AlertEvaluator evaluator = this.harness.evaluator(rule(Duration.ZERO));
		evaluator.evaluate();
		this.harness.advance(RuleHarness.EVALUATION_INTERVAL);
		for (int i = 0; i < 2; i++) {
			this.harness.toolCall("get_session_info", HttpClientErrorException.create(HttpStatus.FORBIDDEN,
					"Forbidden", HttpHeaders.EMPTY, new byte[0], null), true);
		}
		evaluator.evaluate();
		assertThat(evaluator.alerts(AlertState.FIRING)).singleElement().satisfies((alert) -> {
			assertThat(alert.labels()).isEqualTo(Map.of("name", "get_session_info"));
			assertThat(alert.value()).isEqualTo(2);
		});
	}

}
