package io.github.mcpmonitoring.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An alert rule whose conditions a test sets by hand, and that can be made to throw.
 */
public final class TestRule implements AlertRule {

	private final String id;

	private final String alertName;

	private final Set<AlertSeverity> severities;

	private final Duration forDuration;

	private final AtomicInteger evaluations = new AtomicInteger();

	private volatile List<AlertCandidate> holding = List.of();

	private volatile RuntimeException failure;

	private volatile Runnable onEvaluate = () -> {
	};

	/**
	 * Create a rule.
	 * @param id the rule id
	 * @param alertName the alert name
	 * @param forDuration the {@code for} duration
	 * @param severities the severities its candidates can have
	 */
	public TestRule(String id, String alertName, Duration forDuration, AlertSeverity... severities) {
		this.id = id;
		this.alertName = alertName;
		this.forDuration = forDuration;
		this.severities = Set.of(severities);
	}

	/**
	 * Create a candidate of this rule.
	 * @param severity the severity
	 * @param value the value
	 * @param labels label keys and values, alternating
	 * @return the candidate
	 */
	public static AlertCandidate candidate(AlertSeverity severity, double value, String... labels) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < labels.length; i += 2) {
			map.put(labels[i], labels[i + 1]);
		}
		return new AlertCandidate(map, value, severity);
	}

	/**
	 * Make these conditions hold from now on, and stop throwing.
	 * @param candidates the conditions
	 */
	public void holds(AlertCandidate... candidates) {
		this.holding = List.of(candidates);
		this.failure = null;
	}

	/**
	 * Make these conditions hold from now on, and stop throwing.
	 * @param candidates the conditions
	 */
	public void holds(List<AlertCandidate> candidates) {
		this.holding = List.copyOf(candidates);
		this.failure = null;
	}

	/**
	 * Make nothing hold from now on.
	 */
	public void holdsNothing() {
		holds();
	}

	/**
	 * Make the next evaluations throw.
	 * @param failure what they throw
	 */
	public void fails(RuntimeException failure) {
		this.failure = failure;
	}

	/**
	 * Return how many times the rule was evaluated.
	 * @return the number of evaluations
	 */
	public int evaluations() {
		return this.evaluations.get();
	}

	@Override
	public String id() {
		return this.id;
	}

	@Override
	public String alertName() {
		return this.alertName;
	}

	@Override
	public Set<AlertSeverity> severities() {
		return this.severities;
	}

	@Override
	public Duration forDuration() {
		return this.forDuration;
	}

	/**
	 * Run something each time the rule is evaluated, before it answers: what it sees then is what the rule sees.
	 * @param hook what to run
	 */
	public void onEvaluate(Runnable hook) {
		this.onEvaluate = hook;
	}

	@Override
	public List<AlertCandidate> evaluate(Instant now) {
		this.evaluations.incrementAndGet();
		this.onEvaluate.run();
		RuntimeException failure = this.failure;
		if (failure != null) {
			throw failure;
		}
		return this.holding;
	}

	@Override
	public String summary(AlertCandidate candidate) {
		return this.alertName + " at " + candidate.value();
	}

	@Override
	public String description(AlertCandidate candidate) {
		return "Description of " + this.alertName;
	}

}
