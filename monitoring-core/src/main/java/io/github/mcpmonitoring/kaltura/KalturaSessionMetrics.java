package io.github.mcpmonitoring.kaltura;

import java.util.Locale;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Binds the gauge {@code mcp.kaltura.session.state} with a {@code state} tag per {@link KalturaSessionState}: 1 for
 * the application's current state, 0 for the others, read from the status provider when scraped.
 */
public class KalturaSessionMetrics implements MeterBinder {

	private final KalturaSessionStatusProvider provider;

	/**
	 * Create a binder.
	 * @param provider the application's session status
	 */
	public KalturaSessionMetrics(KalturaSessionStatusProvider provider) {
		this.provider = provider;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (KalturaSessionState state : KalturaSessionState.values()) {
			Gauge.builder("mcp.kaltura.session.state", this.provider, (provider) -> isCurrent(provider, state))
				.description("State of the Kaltura session: 1 for the current state, 0 for the others")
				.tag("state", state.name().toLowerCase(Locale.ROOT))
				.strongReference(true)
				.register(registry);
		}
	}

	private static double isCurrent(KalturaSessionStatusProvider provider, KalturaSessionState state) {
		return (provider.currentStatus().state() == state) ? 1 : 0;
	}

}
