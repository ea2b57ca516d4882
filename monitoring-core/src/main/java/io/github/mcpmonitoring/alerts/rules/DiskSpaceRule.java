package io.github.mcpmonitoring.alerts.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.mcpmonitoring.alerts.AlertCandidate;
import io.github.mcpmonitoring.core.SettingChecks;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;

/**
 * {@code McpDiskSpaceLow}: per path, the used disk ratio ({@code 1 - disk.free / disk.total}, the gauges Spring Boot
 * registers) is above the threshold.
 */
public class DiskSpaceRule extends BuiltInAlertRule {

	/** The id of this rule. */
	public static final String ID = "disk-space";

	private final MeterRegistry registry;

	/**
	 * Create the rule.
	 * @param settings severity, threshold (a ratio between 0 and 1) and {@code for}
	 * @param registry where the disk gauges are
	 */
	public DiskSpaceRule(RuleSettings settings, MeterRegistry registry) {
		super(ID, "McpDiskSpaceLow", settings);
		SettingChecks.requireRatio("threshold", settings.threshold());
		this.registry = registry;
	}

	@Override
	public List<AlertCandidate> evaluate(Instant now) {
		List<AlertCandidate> candidates = new ArrayList<>();
		for (Gauge total : this.registry.find("disk.total").gauges()) {
			String path = total.getId().getTag("path");
			Search free = this.registry.find("disk.free");
			Gauge freeGauge = (path != null) ? free.tag("path", path).gauge() : free.gauge();
			if (freeGauge != null && total.value() > 0) {
				double used = 1 - freeGauge.value() / total.value();
				if (used > this.settings.threshold()) {
					candidates.add(candidate((path != null) ? Map.of("path", path) : Map.of(), used));
				}
			}
		}
		return candidates;
	}

	@Override
	public String summary(AlertCandidate candidate) {
		return "Disk " + label(candidate, "path") + " is " + percent(candidate.value()) + " full";
	}

	@Override
	public String description(AlertCandidate candidate) {
		return "Less than " + percent(1 - this.settings.threshold()) + " of the disk is free. See the diskSpace"
				+ " component of /actuator/health and disk_free_bytes.";
	}

}
