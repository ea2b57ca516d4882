package io.github.mcpmonitoring.alerts.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.mcpmonitoring.alerts.AlertCandidate;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Base of the rules on a gauge the application already registers: one alert instance per value of a tag, or one for
 * a gauge without it.
 */
abstract class GaugeThresholdRule extends BuiltInAlertRule {

	private final MeterRegistry registry;

	private final String gaugeName;

	private final String tagKey;

	private final boolean inclusive;

	/**
	 * Create a rule.
	 * @param id the rule id
	 * @param alertName the alert name
	 * @param settings severity, threshold and {@code for}
	 * @param registry where the gauge is
	 * @param gaugeName the gauge
	 * @param tagKey the tag whose values tell instances apart (its Prometheus label name is used), or {@code null}
	 * @param inclusive whether a value equal to the threshold holds ({@code >=}) rather than only above it
	 */
	GaugeThresholdRule(String id, String alertName, RuleSettings settings, MeterRegistry registry, String gaugeName,
			String tagKey, boolean inclusive) {
		super(id, alertName, settings);
		this.registry = registry;
		this.gaugeName = gaugeName;
		this.tagKey = tagKey;
		this.inclusive = inclusive;
	}

	@Override
	public List<AlertCandidate> evaluate(Instant now) {
		List<AlertCandidate> candidates = new ArrayList<>();
		for (Gauge gauge : this.registry.find(this.gaugeName).gauges()) {
			double value = gauge.value();
			if (holds(value)) {
				String tagValue = (this.tagKey != null) ? gauge.getId().getTag(this.tagKey) : null;
				candidates.add(candidate((tagValue != null) ? Map.of(labelName(this.tagKey), tagValue) : Map.of(),
						value));
			}
		}
		return candidates;
	}

	private boolean holds(double value) {
		if (Double.isNaN(value)) {
			return false;
		}
		return this.inclusive ? value >= this.settings.threshold() : value > this.settings.threshold();
	}

	private static String labelName(String tagKey) {
		return tagKey.replace('.', '_');
	}

}
