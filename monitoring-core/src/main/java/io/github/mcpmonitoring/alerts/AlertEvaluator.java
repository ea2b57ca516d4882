package io.github.mcpmonitoring.alerts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import io.github.mcpmonitoring.core.SettingChecks;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Evaluates alert rules on a schedule and keeps the state of every alert instance: inactive, pending while the
 * condition has held for less than the rule's {@code for} duration, firing, and resolved. Notifies every
 * {@link AlertNotifier} when an alert fires, again every repeat interval while it fires, and when it resolves.
 * <p>
 * A rule that throws is logged once and skipped; the others are evaluated as usual. A notifier that throws is logged
 * once and the others are notified as usual. The number of instances per rule is capped. The gauge {@code mcp.alerts.active} counts firing instances per alert name and severity.
 */
public class AlertEvaluator {

	/** Instances of one rule beyond this number are ignored: labels come from bounded sets, this is a backstop. */
	static final int MAX_INSTANCES_PER_RULE = 100;

	private static final Log logger = LogFactory.getLog(AlertEvaluator.class);

	private final List<AlertRule> rules;

	private final List<AlertNotifier> notifiers;

	private final List<Runnable> beforeEachEvaluation;

	private final Clock clock;

	private final Duration repeatInterval;

	private final Function<AlertRule, String> runbookUrls;

	private final int historySize;

	private final Map<InstanceKey, Instance> instances = new ConcurrentHashMap<>();

	private final Deque<AlertTransition> history = new ArrayDeque<>();

	private final Map<String, AtomicInteger> firingGauges = new ConcurrentHashMap<>();

	private final Set<String> failingRules = ConcurrentHashMap.newKeySet();

	private final Set<AlertNotifier> failingNotifiers = ConcurrentHashMap.newKeySet();

	/**
	 * Create an evaluator.
	 * @param rules the rules
	 * @param notifiers where alerts are delivered
	 * @param beforeEachEvaluation tasks run before each evaluation, such as taking a snapshot of meters
	 * @param clock the clock
	 * @param repeatInterval time between two notifications of an alert that keeps firing, positive
	 * @param runbookUrls the runbook URL of each rule's alerts, or {@code null} for none
	 * @param historySize how many transitions are kept, at least 1
	 * @param registry where the {@code mcp.alerts.active} gauges are registered
	 */
	public AlertEvaluator(List<AlertRule> rules, List<AlertNotifier> notifiers, List<Runnable> beforeEachEvaluation,
			Clock clock, Duration repeatInterval, Function<AlertRule, String> runbookUrls, int historySize,
			MeterRegistry registry) {
		this.rules = List.copyOf(rules);
		this.notifiers = List.copyOf(notifiers);
		this.beforeEachEvaluation = List.copyOf(beforeEachEvaluation);
		this.clock = clock;
		this.repeatInterval = SettingChecks.requirePositive("repeatInterval", repeatInterval);
		this.runbookUrls = runbookUrls;
		SettingChecks.requireAtLeast("historySize", historySize, 1);
		this.historySize = historySize;
		registerGauges(registry);
	}

	/**
	 * Evaluate every rule now and notify the changes.
	 */
	public synchronized void evaluate() {
		Instant now = this.clock.instant();
		for (Runnable task : this.beforeEachEvaluation) {
			runGuarded("Meter snapshot before alert evaluation", task);
		}
		for (AlertRule rule : this.rules) {
			List<AlertCandidate> candidates = candidatesOf(rule, now);
			if (candidates != null) {
				apply(rule, candidates, now);
			}
		}
		updateGauges();
	}

	/**
	 * Return the rules this evaluator evaluates.
	 * @return the rules
	 */
	public List<AlertRule> rules() {
		return this.rules;
	}

	/**
	 * Return the alerts in a state, most severe first.
	 * @param state {@link AlertState#FIRING} or {@link AlertState#PENDING}
	 * @return the alerts
	 */
	public List<Alert> alerts(AlertState state) {
		return this.instances.values()
			.stream()
			.filter((instance) -> instance.state == state)
			.map(Instance::toAlert)
			.sorted(Comparator.comparing(Alert::severity).reversed().thenComparing(Alert::name))
			.toList();
	}

	/**
	 * Return the most recent transitions, most recent first.
	 * @param limit the maximum number to return
	 * @return the transitions
	 */
	public List<AlertTransition> transitions(int limit) {
		synchronized (this.history) {
			List<AlertTransition> latest = new ArrayList<>(Math.min(limit, this.history.size()));
			var iterator = this.history.descendingIterator();
			while (iterator.hasNext() && latest.size() < limit) {
				latest.add(iterator.next());
			}
			return latest;
		}
	}

	private List<AlertCandidate> candidatesOf(AlertRule rule, Instant now) {
		List<List<AlertCandidate>> result = new ArrayList<>(1);
		runGuarded("Alert rule '" + rule.id() + "'", () -> result.add(rule.evaluate(now)));
		return result.isEmpty() ? null : result.get(0);
	}

	/** Run a task; a failure is logged once at WARN (then at DEBUG until it succeeds again) and swallowed. */
	private void runGuarded(String what, Runnable task) {
		try {
			task.run();
			this.failingRules.remove(what);
		}
		catch (Exception ex) {
			if (this.failingRules.add(what)) {
				logger.warn(what + " failed and was skipped; it runs again at the next evaluation and further"
						+ " failures are logged at DEBUG", ex);
			}
			else if (logger.isDebugEnabled()) {
				logger.debug(what + " failed", ex);
			}
		}
	}

	private void apply(AlertRule rule, List<AlertCandidate> candidates, Instant now) {
		Map<InstanceKey, AlertCandidate> holding = new LinkedHashMap<>();
		for (AlertCandidate candidate : candidates) {
			if (holding.size() < MAX_INSTANCES_PER_RULE) {
				holding.put(new InstanceKey(rule.id(), candidate.severity(), new TreeMap<>(candidate.labels())),
						candidate);
			}
		}
		holding.forEach((key, candidate) -> hold(rule, key, candidate, now));
		for (Instance instance : List.copyOf(this.instances.values())) {
			if (instance.rule == rule && !holding.containsKey(instance.key)) {
				release(instance, now);
			}
		}
	}

	private void hold(AlertRule rule, InstanceKey key, AlertCandidate candidate, Instant now) {
		Instance instance = this.instances.get(key);
		if (instance == null) {
			instance = new Instance(rule, key, candidate, now);
			this.instances.put(key, instance);
			record(instance, AlertState.INACTIVE, now);
		}
		instance.candidate = candidate;
		if (instance.state == AlertState.PENDING && !now.isBefore(instance.activeSince.plus(rule.forDuration()))) {
			instance.state = AlertState.FIRING;
			instance.firingSince = now;
			record(instance, AlertState.PENDING, now);
			notifyAll(instance, false, now);
		}
		else if (instance.state == AlertState.FIRING
				&& !now.isBefore(instance.lastNotifiedAt.plus(this.repeatInterval))) {
			notifyAll(instance, true, now);
		}
	}

	private void release(Instance instance, Instant now) {
		this.instances.remove(instance.key);
		if (instance.state == AlertState.FIRING) {
			instance.state = AlertState.RESOLVED;
			instance.resolvedAt = now;
			record(instance, AlertState.FIRING, now);
			notifyAll(instance, false, now);
		}
		else {
			instance.state = AlertState.INACTIVE;
			record(instance, AlertState.PENDING, now);
		}
	}

	private void record(Instance instance, AlertState from, Instant now) {
		AlertTransition transition = new AlertTransition(now, instance.rule.alertName(), instance.key.severity(),
				instance.key.labels(), from, instance.state, instance.candidate.value());
		synchronized (this.history) {
			this.history.addLast(transition);
			while (this.history.size() > this.historySize) {
				this.history.removeFirst();
			}
		}
	}

	private void notifyAll(Instance instance, boolean repeat, Instant now) {
		instance.lastNotifiedAt = now;
		AlertNotification notification = new AlertNotification(instance.toAlert(), repeat, now);
		for (AlertNotifier notifier : this.notifiers) {
			notifyGuarded(notifier, notification);
		}
	}

	/** Notify; a failure is logged once at WARN (then at DEBUG until the notifier succeeds again) and swallowed. */
	private void notifyGuarded(AlertNotifier notifier, AlertNotification notification) {
		try {
			notifier.notify(notification);
			this.failingNotifiers.remove(notifier);
		}
		catch (Exception ex) {
			String what = "Alert notifier '" + notifier.channel() + "' failed";
			if (this.failingNotifiers.add(notifier)) {
				logger.warn(what + "; the other notifiers were notified and further failures of this one are logged"
						+ " at DEBUG until it succeeds again", ex);
			}
			else if (logger.isDebugEnabled()) {
				logger.debug(what, ex);
			}
		}
	}

	private void registerGauges(MeterRegistry registry) {
		for (AlertRule rule : this.rules) {
			for (AlertSeverity severity : rule.severities()) {
				AtomicInteger firing = this.firingGauges.computeIfAbsent(gaugeKey(rule.alertName(), severity),
						(key) -> new AtomicInteger());
				Gauge.builder("mcp.alerts.active", firing, AtomicInteger::get)
					.description("Alert instances firing, per alert name and severity")
					.tag("alertname", rule.alertName())
					.tag("severity", severity.label())
					.strongReference(true)
					.register(registry);
			}
		}
	}

	private void updateGauges() {
		Map<String, Integer> firing = new TreeMap<>();
		for (Instance instance : this.instances.values()) {
			if (instance.state == AlertState.FIRING) {
				firing.merge(gaugeKey(instance.rule.alertName(), instance.key.severity()), 1, Integer::sum);
			}
		}
		this.firingGauges.forEach((key, gauge) -> gauge.set(firing.getOrDefault(key, 0)));
	}

	private static String gaugeKey(String alertName, AlertSeverity severity) {
		return alertName + "|" + severity.label();
	}

	private record InstanceKey(String ruleId, AlertSeverity severity, Map<String, String> labels) {
	}

	/** The state of one alert instance; changed only by the evaluation, under its lock. */
	private final class Instance {

		private final AlertRule rule;

		private final InstanceKey key;

		private final Instant activeSince;

		private volatile AlertCandidate candidate;

		private volatile AlertState state = AlertState.PENDING;

		private volatile Instant firingSince;

		private volatile Instant resolvedAt;

		private volatile Instant lastNotifiedAt;

		Instance(AlertRule rule, InstanceKey key, AlertCandidate candidate, Instant activeSince) {
			this.rule = rule;
			this.key = key;
			this.candidate = candidate;
			this.activeSince = activeSince;
		}

		Alert toAlert() {
			AlertCandidate current = this.candidate;
			return new Alert(this.rule.id(), this.rule.alertName(), this.key.severity(), this.state,
					this.key.labels(), current.value(), this.rule.summary(current), this.rule.description(current),
					AlertEvaluator.this.runbookUrls.apply(this.rule), this.activeSince, this.firingSince,
					this.resolvedAt);
		}

	}

}
