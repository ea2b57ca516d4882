package io.github.mcpmonitoring.sample.demo;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Faults the demo backend injects, to watch the monitoring react: extra latency on every call and a fraction of
 * data calls answered with a Kaltura API error.
 *
 * @param latency delay added to every call
 * @param errorRate fraction (0 to 1) of media and category calls answered with {@code INTERNAL_SERVER_ERROR}
 */
public record DemoFaults(Duration latency, double errorRate) {

	public DemoFaults {
		if (latency == null || latency.isNegative()) {
			throw new IllegalArgumentException("latency must not be negative");
		}
		if (!(errorRate >= 0 && errorRate <= 1)) {
			throw new IllegalArgumentException("errorRate must be between 0 and 1");
		}
	}

	/**
	 * No faults.
	 * @return faults with no latency and no errors
	 */
	public static DemoFaults none() {
		return new DemoFaults(Duration.ZERO, 0);
	}

	void delay() throws InterruptedException {
		if (!this.latency.isZero()) {
			Thread.sleep(this.latency.toMillis());
		}
	}

	boolean failNextDataCall() {
		return this.errorRate > 0 && ThreadLocalRandom.current().nextDouble() < this.errorRate;
	}

}
