package io.github.mcpmonitoring.sample.demo;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The faults the demo backend injects, read on every request, so that they can change while it runs: turn errors
 * on to watch an alert fire, and off again to watch it resolve.
 */
public final class DemoFaultSettings {

	private final AtomicReference<DemoFaults> faults;

	/**
	 * Create settings.
	 * @param initial the faults to inject until changed
	 */
	public DemoFaultSettings(DemoFaults initial) {
		this.faults = new AtomicReference<>(initial);
	}

	/**
	 * Return the faults to inject now.
	 * @return the current faults
	 */
	public DemoFaults current() {
		return this.faults.get();
	}

	/**
	 * Change the fraction of media and category calls answered with a Kaltura API error; the latency stays.
	 * @param errorRate a fraction between 0 and 1
	 */
	public void setErrorRate(double errorRate) {
		this.faults.updateAndGet((current) -> new DemoFaults(current.latency(), errorRate));
	}

}
