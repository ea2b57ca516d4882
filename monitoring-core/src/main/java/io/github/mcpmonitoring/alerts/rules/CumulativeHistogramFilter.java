package io.github.mcpmonitoring.alerts.rules;

import java.time.Duration;
import java.util.Set;

import io.github.mcpmonitoring.core.McpMeterNames;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

/**
 * Keeps the histogram buckets of the tool and API duration timers cumulative, as Prometheus keeps them, in a registry
 * that would otherwise count them over a rolling window (a {@code SimpleMeterRegistry} rolls them every minute), so
 * that {@link MeterHistory} can subtract two snapshots of them. The price is that the timers' {@code max} no longer
 * decays in that registry.
 */
public class CumulativeHistogramFilter implements MeterFilter {

	// What Micrometer's Prometheus registry uses for its own histograms: effectively never rolled over.
	private static final Duration NEVER = Duration.ofDays(1825);

	private static final Set<String> TIMERS = Set.of(McpMeterNames.OPERATION_DURATION,
			McpMeterNames.API_CALL_DURATION);

	@Override
	public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
		if (!TIMERS.contains(id.getName())) {
			return config;
		}
		return DistributionStatisticConfig.builder().expiry(NEVER).bufferLength(1).build().merge(config);
	}

}
