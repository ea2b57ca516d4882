package io.github.mcpmonitoring.alerts.rules;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.github.mcpmonitoring.alerts.Alert;
import io.github.mcpmonitoring.alerts.AlertEvaluator;
import io.github.mcpmonitoring.alerts.AlertRule;
import io.github.mcpmonitoring.alerts.AlertSeverity;
import io.github.mcpmonitoring.alerts.AlertState;
import io.github.mcpmonitoring.kaltura.KalturaSessionState;
import io.github.mcpmonitoring.kaltura.KalturaSessionStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link KalturaSessionRule}: the application's Kaltura session is expired, revoked or unreachable.
 */
class KalturaSessionRuleTests extends RuleLifecycleTests {

	private final AtomicReference<KalturaSessionState> state = new AtomicReference<>(KalturaSessionState.ACTIVE);

	@Override
	protected AlertRule rule(Duration forDuration) {
		return new KalturaSessionRule(new RuleSettings(AlertSeverity.CRITICAL, 0, forDuration),
				() -> new KalturaSessionStatus(this.state.get(), 1234, "ADMIN", null, null, null, null, null, null));
	}

	@Override
	protected void conditionHolds() {
		this.state.set(KalturaSessionState.EXPIRED);
	}

	@Override
	protected void conditionStops() {
		this.state.set(KalturaSessionState.ACTIVE);
	}

	@Override
	protected String alertName() {
		return "McpKalturaSessionInvalid";
	}

	@Override
	protected AlertSeverity severity() {
		return AlertSeverity.CRITICAL;
	}

	@Override
	protected Map<String, String> labels() {
		return Map.of("state", "expired");
	}

	@Override
	protected double value() {
		return 1;
	}

	@ParameterizedTest
	@EnumSource(KalturaSessionState.class)
	void firesOnlyWhenExpiredOrUnreachable(KalturaSessionState current) {
		AlertEvaluator evaluator = this.harness.evaluator(rule(Duration.ZERO));
		this.state.set(current);
		evaluator.evaluate();
		boolean invalid = current == KalturaSessionState.EXPIRED || current == KalturaSessionState.UNREACHABLE;
		assertThat(evaluator.alerts(AlertState.FIRING)).extracting(Alert::labels)
			.containsExactlyElementsOf(invalid ? List.of(Map.of("state", current.name().toLowerCase(Locale.ROOT)))
					: List.of());
	}

}
