package io.github.mcpmonitoring.alerts.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.github.mcpmonitoring.alerts.Alert;
import io.github.mcpmonitoring.alerts.AlertEvaluator;
import io.github.mcpmonitoring.alerts.AlertNotification;
import io.github.mcpmonitoring.alerts.AlertRule;
import io.github.mcpmonitoring.alerts.AlertSeverity;
import io.github.mcpmonitoring.alerts.AlertState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What every built-in rule must do, on real meters and a clock the test moves: stay quiet while its condition does
 * not hold, fire with the exact value and labels of the condition, stay pending for its {@code for} duration,
 * resolve when the condition stops, and be notified again after the repeat interval.
 * <p>
 * Each test takes a first snapshot of the meters with nothing happening, moves one evaluation interval on, and only
 * then makes the condition hold: windows are computed between two snapshots.
 */
public abstract class RuleLifecycleTests {

	protected final RuleHarness harness = new RuleHarness();

	/**
	 * Create the rule under test.
	 * @param forDuration its {@code for} duration
	 * @return the rule
	 */
	protected abstract AlertRule rule(Duration forDuration);

	/** Make the condition hold now; called again before each evaluation that must still see it. */
	protected abstract void conditionHolds();

	/** Make the condition stop holding; may move the clock. */
	protected abstract void conditionStops();

	/** The expected alert name. */
	protected abstract String alertName();

	/** The expected severity. */
	protected abstract AlertSeverity severity();

	/** The expected labels. */
	protected abstract Map<String, String> labels();

	/** The expected value after the first {@link #conditionHolds()}. */
	protected abstract double value();

	@Test
	void firesWithTheValueAndLabelsOfItsCondition() {
		AlertEvaluator evaluator = startQuietly(Duration.ZERO);
		conditionHolds();
		evaluator.evaluate();
		assertThat(this.harness.notifier().notifications()).singleElement().satisfies((notification) -> {
			assertThat(notification.repeat()).isFalse();
			Alert alert = notification.alert();
			assertThat(alert.name()).isEqualTo(alertName());
			assertThat(alert.severity()).isEqualTo(severity());
			assertThat(alert.state()).isEqualTo(AlertState.FIRING);
			assertThat(alert.labels()).isEqualTo(labels());
			assertThat(alert.value()).isCloseTo(value(), offset(1e-12));
			assertThat(alert.runbookUrl()).isEqualTo("docs/runbooks/" + alertName() + ".md");
			assertThat(alert.summary()).isNotBlank();
			assertThat(alert.description()).isNotBlank();
		});
		assertThat(this.harness.active(alertName(), severity().label())).isEqualTo(1);
	}

	@Test
	void staysPendingUntilItsForDurationHasElapsed() {
		AlertEvaluator evaluator = startQuietly(Duration.ofMinutes(2));
		Instant activeSince = this.harness.clock().instant();
		for (Duration elapsed = Duration.ZERO; elapsed.compareTo(Duration.ofMinutes(2)) < 0; elapsed = elapsed
			.plus(RuleHarness.EVALUATION_INTERVAL)) {
			conditionHolds();
			evaluator.evaluate();
			assertThat(evaluator.alerts(AlertState.PENDING)).as("pending after %s", elapsed)
				.singleElement()
				.satisfies((alert) -> assertThat(alert.activeSince()).isEqualTo(activeSince));
			assertThat(this.harness.notifier().notifications()).isEmpty();
			assertThat(this.harness.active(alertName(), severity().label())).isZero();
			this.harness.advance(RuleHarness.EVALUATION_INTERVAL);
		}
		conditionHolds();
		evaluator.evaluate();
		assertThat(evaluator.alerts(AlertState.PENDING)).isEmpty();
		assertThat(evaluator.alerts(AlertState.FIRING)).singleElement()
			.satisfies((alert) -> assertThat(alert.firingSince()).isEqualTo(activeSince.plus(Duration.ofMinutes(2))));
		assertThat(this.harness.notifier().notifications()).hasSize(1);
		assertThat(this.harness.active(alertName(), severity().label())).isEqualTo(1);
	}

	@Test
	void resolvesWhenItsConditionStops() {
		AlertEvaluator evaluator = startQuietly(Duration.ZERO);
		conditionHolds();
		evaluator.evaluate();
		conditionStops();
		evaluator.evaluate();
		assertThat(this.harness.notifier().alerts()).extracting(Alert::state, Alert::labels)
			.containsExactly(tuple(AlertState.FIRING, labels()), tuple(AlertState.RESOLVED, labels()));
		assertThat(this.harness.notifier().alerts().get(1).resolvedAt()).isEqualTo(this.harness.clock().instant());
		assertThat(evaluator.alerts(AlertState.FIRING)).isEmpty();
		assertThat(evaluator.alerts(AlertState.PENDING)).isEmpty();
		assertThat(this.harness.active(alertName(), severity().label())).isZero();
	}

	@Test
	void isNotifiedAgainAfterTheRepeatInterval() {
		AlertEvaluator evaluator = startQuietly(Duration.ZERO);
		conditionHolds();
		evaluator.evaluate();
		Instant firedAt = this.harness.clock().instant();
		for (int minute = 1; minute <= 10; minute++) {
			this.harness.advance(Duration.ofMinutes(1));
			conditionHolds();
			evaluator.evaluate();
			assertThat(this.harness.notifier().notifications()).as("notifications after %d min", minute)
				.hasSize((minute < 10) ? 1 : 2);
		}
		assertThat(this.harness.notifier().notifications())
			.extracting(AlertNotification::repeat, AlertNotification::sentAt,
					(notification) -> notification.alert().state())
			.containsExactly(tuple(false, firedAt, AlertState.FIRING),
					tuple(true, firedAt.plus(RuleHarness.REPEAT), AlertState.FIRING));
	}

	/**
	 * Create the evaluator of the rule, take a first snapshot with nothing holding, check that nothing fires, and
	 * move one evaluation interval on.
	 */
	private AlertEvaluator startQuietly(Duration forDuration) {
		AlertEvaluator evaluator = this.harness.evaluator(rule(forDuration));
		evaluator.evaluate();
		assertThat(evaluator.alerts(AlertState.PENDING)).isEmpty();
		assertThat(evaluator.alerts(AlertState.FIRING)).isEmpty();
		assertThat(this.harness.active(alertName(), severity().label())).isZero();
		this.harness.advance(RuleHarness.EVALUATION_INTERVAL);
		return evaluator;
	}

}
