package io.github.mcpmonitoring.alerts.delivery;

import io.github.mcpmonitoring.core.RecordingFailureLog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The {@code mcp.alerts.notifications} counters of one channel, registered up front so that they show as 0.
 */
final class DeliveryMetrics {

	static final String NOTIFICATIONS = "mcp.alerts.notifications";

	private final Counter success;

	private final Counter failure;

	private final Counter dropped;

	private final RecordingFailureLog recordingFailures = new RecordingFailureLog();

	DeliveryMetrics(String channel, MeterRegistry registry) {
		this.success = counter(registry, channel, "success");
		this.failure = counter(registry, channel, "failure");
		this.dropped = counter(registry, channel, "dropped");
	}

	void success() {
		increment(this.success);
	}

	void failure() {
		increment(this.failure);
	}

	void dropped() {
		increment(this.dropped);
	}

	private void increment(Counter counter) {
		try {
			counter.increment();
		}
		catch (RuntimeException ex) {
			this.recordingFailures.recordingFailed(NOTIFICATIONS, ex);
		}
	}

	private static Counter counter(MeterRegistry registry, String channel, String outcome) {
		return Counter.builder(NOTIFICATIONS)
			.description("Alert notifications by delivery channel and outcome")
			.tag("channel", channel)
			.tag("outcome", outcome)
			.register(registry);
	}

}
