package io.github.mcpmonitoring.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import io.github.mcpmonitoring.testing.MutableClock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static io.github.mcpmonitoring.alerts.TestRule.candidate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tests for {@link AlertEvaluator}: the states of alert instances on a clock the test moves, notifications, the
 * transition history, the {@code mcp.alerts.active} gauges and the isolation of failing rules and notifiers.
 */
@ExtendWith(OutputCaptureExtension.class)
class AlertEvaluatorTests {

	private static final Instant START = Instant.parse("2025-03-01T12:00:00Z");

	private static final Duration REPEAT = Duration.ofMinutes(10);

	private final MutableClock clock = new MutableClock(START);

	private final MeterRegistry registry = new SimpleMeterRegistry();

	private final RecordingNotifier notifier = new RecordingNotifier();

	private final TestRule rule = new TestRule("test", "TestAlert", Duration.ofMinutes(2), AlertSeverity.ERROR);

	@Test
	void conditionIsPendingUntilItsForDurationHasElapsedAndThenFires() {
		AlertEvaluator evaluator = evaluator(this.rule);
		this.rule.holds(candidate(AlertSeverity.ERROR, 0.3, "gen_ai_tool_name", "list_media"));
		evaluator.evaluate();
		assertThat(evaluator.alerts(AlertState.PENDING)).singleElement().satisfies((alert) -> {
			assertThat(alert.activeSince()).isEqualTo(START);
			assertThat(alert.firingSince()).isNull();
		});
		assertThat(evaluator.alerts(AlertState.FIRING)).isEmpty();
		this.clock.add(Duration.ofMinutes(2).minusSeconds(1));
		evaluator.evaluate();
		assertThat(evaluator.alerts(AlertState.PENDING)).hasSize(1);
		assertThat(this.notifier.notifications()).isEmpty();
		this.clock.add(Duration.ofSeconds(1));
		evaluator.evaluate();
		assertThat(evaluator.alerts(AlertState.PENDING)).isEmpty();
		assertThat(evaluator.alerts(AlertState.FIRING)).singleElement()
			.satisfies((alert) -> assertThat(alert.firingSince()).isEqualTo(START.plus(Duration.ofMinutes(2))));
		assertThat(this.notifier.notifications()).singleElement().satisfies((notification) -> {
			assertThat(notification.repeat()).isFalse();
			assertThat(notification.sentAt()).isEqualTo(START.plus(Duration.ofMinutes(2)));
			assertThat(notification.alert().state()).isEqualTo(AlertState.FIRING);
		});
	}

	@Test
	void firingAlertCarriesTheRuleTextsLabelsValueAndRunbook() {
		TestRule immediate = new TestRule("now", "NowAlert", Duration.ZERO, AlertSeverity.WARNING);
		AlertEvaluator evaluator = evaluator(immediate);
		immediate.holds(candidate(AlertSeverity.WARNING, 0.25, "api", "kaltura.media.list"));
		evaluator.evaluate();
		assertThat(this.notifier.alerts()).singleElement().satisfies((alert) -> {
			assertThat(alert.ruleId()).isEqualTo("now");
			assertThat(alert.name()).isEqualTo("NowAlert");
			assertThat(alert.severity()).isEqualTo(AlertSeverity.WARNING);
			assertThat(alert.state()).isEqualTo(AlertState.FIRING);
			assertThat(alert.labels()).isEqualTo(Map.of("api", "kaltura.media.list"));
			assertThat(alert.value()).isEqualTo(0.25);
			assertThat(alert.summary()).isEqualTo("NowAlert at 0.25");
			assertThat(alert.description()).isEqualTo("Description of NowAlert");
			assertThat(alert.runbookUrl()).isEqualTo("https://runbooks.example/NowAlert.md");
			assertThat(alert.activeSince()).isEqualTo(START);
			assertThat(alert.firingSince()).isEqualTo(START);
			assertThat(alert.resolvedAt()).isNull();
		});
	}

	@Test
	void valueFollowsTheLatestEvaluation() {
		TestRule immediate = new TestRule("now", "NowAlert", Duration.ZERO, AlertSeverity.ERROR);
		AlertEvaluator evaluator = evaluator(immediate);
		immediate.holds(candidate(AlertSeverity.ERROR, 0.25, "api", "a"));
		evaluator.evaluate();
		immediate.holds(candidate(AlertSeverity.ERROR, 0.5, "api", "a"));
		this.clock.add(Duration.ofSeconds(15));
		evaluator.evaluate();
		assertThat(evaluator.alerts(AlertState.FIRING)).singleElement()
			.satisfies((alert) -> assertThat(alert.value()).isEqualTo(0.5));
		assertThat(this.notifier.notifications()).hasSize(1);
	}

	@Test
	void firingAlertIsNotifiedAgainEveryRepeatInterval() {
		AlertEvaluator evaluator = evaluator(this.rule);
		this.rule.holds(candidate(AlertSeverity.ERROR, 1));
		evaluator.evaluate();
		this.clock.add(Duration.ofMinutes(2));
		evaluator.evaluate();
		Instant firedAt = this.clock.instant();
		for (int minute = 1; minute <= 25; minute++) {
			this.clock.add(Duration.ofMinutes(1));
			evaluator.evaluate();
		}
		assertThat(this.notifier.notifications()).extracting(AlertNotification::sentAt, AlertNotification::repeat)
			.containsExactly(tuple(firedAt, false), tuple(firedAt.plus(REPEAT), true),
					tuple(firedAt.plus(REPEAT.multipliedBy(2)), true));
		assertThat(this.notifier.alerts()).allSatisfy((alert) -> {
			assertThat(alert.state()).isEqualTo(AlertState.FIRING);
			assertThat(alert.firingSince()).isEqualTo(firedAt);
		});
	}

	@Test
	void firingAlertResolvesWhenItsConditionStops() {
		AlertEvaluator evaluator = evaluator(this.rule);
		this.rule.holds(candidate(AlertSeverity.ERROR, 1, "api", "a"));
		evaluator.evaluate();
		this.clock.add(Duration.ofMinutes(2));
		evaluator.evaluate();
		this.rule.holdsNothing();
		this.clock.add(Duration.ofMinutes(1));
		evaluator.evaluate();
		Instant resolvedAt = this.clock.instant();
		assertThat(evaluator.alerts(AlertState.FIRING)).isEmpty();
		assertThat(this.notifier.alerts()).extracting(Alert::state)
			.containsExactly(AlertState.FIRING, AlertState.RESOLVED);
		assertThat(this.notifier.alerts().get(1)).satisfies((alert) -> {
			assertThat(alert.resolvedAt()).isEqualTo(resolvedAt);
			assertThat(alert.firingSince()).isEqualTo(START.plus(Duration.ofMinutes(2)));
			assertThat(alert.labels()).isEqualTo(Map.of("api", "a"));
		});
		this.clock.add(REPEAT);
		evaluator.evaluate();
		assertThat(this.notifier.notifications()).hasSize(2);
	}

	@Test
	void pendingAlertWhoseConditionStopsBecomesInactiveWithoutNotification() {
		AlertEvaluator evaluator = evaluator(this.rule);
		this.rule.holds(candidate(AlertSeverity.ERROR, 1));
		evaluator.evaluate();
		this.rule.holdsNothing();
		this.clock.add(Duration.ofMinutes(1));
		evaluator.evaluate();
		assertThat(evaluator.alerts(AlertState.PENDING)).isEmpty();
		assertThat(this.notifier.notifications()).isEmpty();
		assertThat(evaluator.transitions(10)).extracting(AlertTransition::from, AlertTransition::to)
			.containsExactly(tuple(AlertState.PENDING, AlertState.INACTIVE),
					tuple(AlertState.INACTIVE, AlertState.PENDING));
		// Holding again starts the for duration again.
		this.rule.holds(candidate(AlertSeverity.ERROR, 1));
		this.clock.add(Duration.ofMinutes(1));
		evaluator.evaluate();
		this.clock.add(Duration.ofMinutes(1));
		evaluator.evaluate();
		assertThat(evaluator.alerts(AlertState.PENDING)).singleElement()
			.satisfies((alert) -> assertThat(alert.activeSince()).isEqualTo(START.plus(Duration.ofMinutes(2))));
	}

	@Test
	void ruleThatThrowsIsLoggedOnceAndSkippedWhileTheOthersAreEvaluated(CapturedOutput output) {
		TestRule broken = new TestRule("broken", "BrokenAlert", Duration.ZERO, AlertSeverity.ERROR);
		TestRule working = new TestRule("working", "WorkingAlert", Duration.ZERO, AlertSeverity.ERROR);
		AlertEvaluator evaluator = evaluator(broken, working);
		broken.fails(new IllegalStateException("boom"));
		working.holds(candidate(AlertSeverity.ERROR, 1));
		for (int i = 0; i < 3; i++) {
			evaluator.evaluate();
			this.clock.add(Duration.ofSeconds(15));
		}
		assertThat(broken.evaluations()).isEqualTo(3);
		assertThat(working.evaluations()).isEqualTo(3);
		assertThat(evaluator.alerts(AlertState.FIRING)).extracting(Alert::name).containsExactly("WorkingAlert");
		assertThat(warningsAbout(output, "broken")).isEqualTo(1);
		assertThat(output).contains("java.lang.IllegalStateException: boom");
		// Once it works again, a new failure is news again.
		broken.holds();
		evaluator.evaluate();
		broken.fails(new IllegalStateException("boom again"));
		evaluator.evaluate();
		assertThat(warningsAbout(output, "broken")).isEqualTo(2);
	}

	@Test
	void failingRuleKeepsTheStateOfItsAlerts() {
		TestRule flaky = new TestRule("flaky", "FlakyAlert", Duration.ZERO, AlertSeverity.ERROR);
		AlertEvaluator evaluator = evaluator(flaky);
		flaky.holds(candidate(AlertSeverity.ERROR, 1));
		evaluator.evaluate();
		flaky.fails(new IllegalStateException("boom"));
		this.clock.add(Duration.ofSeconds(15));
		evaluator.evaluate();
		assertThat(evaluator.alerts(AlertState.FIRING)).hasSize(1);
		assertThat(this.notifier.alerts()).extracting(Alert::state).containsExactly(AlertState.FIRING);
	}

	@Test
	void tasksBeforeEachEvaluationRunFirstAndOneThatThrowsStopsNothing() {
		TestRule immediate = new TestRule("now", "NowAlert", Duration.ZERO, AlertSeverity.ERROR);
		AtomicInteger snapshots = new AtomicInteger();
		List<Integer> snapshotsSeenByTheRule = new ArrayList<>();
		Runnable failing = () -> {
			throw new IllegalStateException("snapshot failed");
		};
		Runnable counting = snapshots::incrementAndGet;
		immediate.onEvaluate(() -> snapshotsSeenByTheRule.add(snapshots.get()));
		AlertEvaluator evaluator = new AlertEvaluator(List.of(immediate), List.of(this.notifier),
				List.of(failing, counting), this.clock, REPEAT, (rule) -> null, 100, this.registry);
		immediate.holds(candidate(AlertSeverity.ERROR, 1));
		evaluator.evaluate();
		evaluator.evaluate();
		assertThat(snapshotsSeenByTheRule).containsExactly(1, 2);
		assertThat(immediate.evaluations()).isEqualTo(2);
		assertThat(evaluator.alerts(AlertState.FIRING)).hasSize(1);
	}

	@Test
	void instancesOfOneRuleAreCapped() {
		TestRule many = new TestRule("many", "ManyAlert", Duration.ZERO, AlertSeverity.WARNING);
		AlertEvaluator evaluator = evaluator(many);
		many.holds(IntStream.range(0, 150)
			.mapToObj((i) -> candidate(AlertSeverity.WARNING, i, "gen_ai_tool_name", "tool_" + i))
			.toList());
		evaluator.evaluate();
		assertThat(evaluator.alerts(AlertState.FIRING)).hasSize(AlertEvaluator.MAX_INSTANCES_PER_RULE);
		assertThat(this.notifier.notifications()).hasSize(AlertEvaluator.MAX_INSTANCES_PER_RULE);
		assertThat(active("ManyAlert", "warning")).isEqualTo(100);
	}

	@Test
	void historyKeepsTheLatestTransitionsMostRecentFirst() {
		TestRule immediate = new TestRule("now", "NowAlert", Duration.ZERO, AlertSeverity.ERROR);
		AlertEvaluator evaluator = new AlertEvaluator(List.of(immediate), List.of(this.notifier), List.of(),
				this.clock, REPEAT, (rule) -> null, 5, this.registry);
		for (int i = 0; i < 4; i++) {
			immediate.holds(candidate(AlertSeverity.ERROR, i));
			evaluator.evaluate();
			this.clock.add(Duration.ofMinutes(1));
			immediate.holdsNothing();
			evaluator.evaluate();
			this.clock.add(Duration.ofMinutes(1));
		}
		// 4 cycles of 3 transitions each: inactive -> pending -> firing at minutes 0, 2, 4, 6; resolved at 1, 3, 5, 7.
		List<AlertTransition> transitions = evaluator.transitions(50);
		assertThat(transitions).hasSize(5);
		assertThat(transitions).extracting(AlertTransition::time, AlertTransition::from, AlertTransition::to)
			.containsExactly(tuple(minutes(7), AlertState.FIRING, AlertState.RESOLVED),
					tuple(minutes(6), AlertState.PENDING, AlertState.FIRING),
					tuple(minutes(6), AlertState.INACTIVE, AlertState.PENDING),
					tuple(minutes(5), AlertState.FIRING, AlertState.RESOLVED),
					tuple(minutes(4), AlertState.PENDING, AlertState.FIRING));
		assertThat(transitions.get(0)).satisfies((transition) -> {
			assertThat(transition.alertName()).isEqualTo("NowAlert");
			assertThat(transition.severity()).isEqualTo(AlertSeverity.ERROR);
			assertThat(transition.value()).isEqualTo(3);
		});
		assertThat(evaluator.transitions(2)).containsExactlyElementsOf(transitions.subList(0, 2));
	}

	@Test
	void gaugesExistForEverySeverityBeforeAnythingFiresAndCountFiringInstances() {
		TestRule memory = new TestRule("memory", "MemoryAlert", Duration.ofMinutes(1), AlertSeverity.WARNING,
				AlertSeverity.CRITICAL);
		AlertEvaluator evaluator = evaluator(memory, this.rule);
		assertThat(active("MemoryAlert", "warning")).isZero();
		assertThat(active("MemoryAlert", "critical")).isZero();
		assertThat(active("TestAlert", "error")).isZero();
		memory.holds(candidate(AlertSeverity.WARNING, 0.85, "area", "heap"),
				candidate(AlertSeverity.WARNING, 0.85, "area", "system"), candidate(AlertSeverity.CRITICAL, 0.95));
		evaluator.evaluate();
		assertThat(active("MemoryAlert", "warning")).as("pending instances are not counted").isZero();
		this.clock.add(Duration.ofMinutes(1));
		evaluator.evaluate();
		assertThat(active("MemoryAlert", "warning")).isEqualTo(2);
		assertThat(active("MemoryAlert", "critical")).isEqualTo(1);
		assertThat(active("TestAlert", "error")).isZero();
		memory.holds(candidate(AlertSeverity.WARNING, 0.85, "area", "heap"));
		this.clock.add(Duration.ofMinutes(1));
		evaluator.evaluate();
		assertThat(active("MemoryAlert", "warning")).isEqualTo(1);
		assertThat(active("MemoryAlert", "critical")).isZero();
	}

	@Test
	void notifierThatThrowsDoesNotStopTheOthers() {
		AlertNotifier throwing = new AlertNotifier() {

			@Override
			public String channel() {
				return "throwing";
			}

			@Override
			public void notify(AlertNotification notification) {
				throw new IllegalStateException("receiver down");
			}

		};
		TestRule immediate = new TestRule("now", "NowAlert", Duration.ZERO, AlertSeverity.ERROR);
		AlertEvaluator evaluator = new AlertEvaluator(List.of(immediate), List.of(throwing, this.notifier), List.of(),
				this.clock, REPEAT, (rule) -> null, 100, this.registry);
		immediate.holds(candidate(AlertSeverity.ERROR, 1));
		evaluator.evaluate();
		immediate.holdsNothing();
		evaluator.evaluate();
		assertThat(this.notifier.alerts()).extracting(Alert::state)
			.containsExactly(AlertState.FIRING, AlertState.RESOLVED);
	}

	@Test
	void notifierThatThrowsIsLoggedOnceAtWarnUntilItSucceedsAgain(CapturedOutput output) {
		AtomicBoolean broken = new AtomicBoolean(true);
		AlertNotifier flaky = new AlertNotifier() {

			@Override
			public String channel() {
				return "flaky";
			}

			@Override
			public void notify(AlertNotification notification) {
				if (broken.get()) {
					throw new IllegalStateException("receiver down");
				}
			}

		};
		TestRule immediate = new TestRule("now", "NowAlert", Duration.ZERO, AlertSeverity.ERROR);
		AlertEvaluator evaluator = new AlertEvaluator(List.of(immediate), List.of(flaky), List.of(), this.clock,
				REPEAT, (rule) -> null, 100, this.registry);
		for (int i = 0; i < 3; i++) {
			immediate.holds(candidate(AlertSeverity.ERROR, 1));
			evaluator.evaluate();
			immediate.holdsNothing();
			evaluator.evaluate();
		}
		assertThat(notifierWarnings(output, "flaky")).isEqualTo(1);
		assertThat(output).contains("java.lang.IllegalStateException: receiver down");
		broken.set(false);
		immediate.holds(candidate(AlertSeverity.ERROR, 1));
		evaluator.evaluate();
		broken.set(true);
		immediate.holdsNothing();
		evaluator.evaluate();
		assertThat(notifierWarnings(output, "flaky")).isEqualTo(2);
	}

	@Test
	void alertsAreListedMostSevereFirst() {
		TestRule mixed = new TestRule("mixed", "MixedAlert", Duration.ZERO, AlertSeverity.values());
		TestRule other = new TestRule("other", "AnotherAlert", Duration.ZERO, AlertSeverity.WARNING);
		AlertEvaluator evaluator = evaluator(mixed, other);
		mixed.holds(candidate(AlertSeverity.INFO, 1), candidate(AlertSeverity.CRITICAL, 1),
				candidate(AlertSeverity.WARNING, 1));
		other.holds(candidate(AlertSeverity.WARNING, 1));
		evaluator.evaluate();
		assertThat(evaluator.alerts(AlertState.FIRING)).extracting(Alert::severity, Alert::name)
			.containsExactly(tuple(AlertSeverity.CRITICAL, "MixedAlert"), tuple(AlertSeverity.WARNING, "AnotherAlert"),
					tuple(AlertSeverity.WARNING, "MixedAlert"), tuple(AlertSeverity.INFO, "MixedAlert"));
	}

	private AlertEvaluator evaluator(AlertRule... rules) {
		return new AlertEvaluator(List.of(rules), List.of(this.notifier), List.of(), this.clock, REPEAT,
				(rule) -> "https://runbooks.example/" + rule.alertName() + ".md", 1000, this.registry);
	}

	private double active(String alertName, String severity) {
		return this.registry.get("mcp.alerts.active").tag("alertname", alertName).tag("severity", severity).gauge()
			.value();
	}

	private static Instant minutes(int minutes) {
		return START.plus(Duration.ofMinutes(minutes));
	}

	private static long notifierWarnings(CapturedOutput output, String channel) {
		return output.getOut()
			.lines()
			.filter((line) -> line.startsWith("WARN") && line.contains("Alert notifier '" + channel + "' failed"))
			.count();
	}

	private static long warningsAbout(CapturedOutput output, String ruleId) {
		return output.getOut()
			.lines()
			.filter((line) -> line.startsWith("WARN") && line.contains("Alert rule '" + ruleId + "' failed"))
			.count();
	}

}
