package io.github.mcpmonitoring.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * A value computed on a schedule off the request thread, so that readers (health probes, scrapes) get the last
 * result at once, with its age, whatever the computation costs or however long it hangs.
 *
 * @param <T> the type of the value
 */
public class PeriodicSnapshot<T> {

	private final Supplier<T> computation;

	private final Clock clock;

	private volatile Snapshot<T> latest;

	private volatile Duration period;

	/**
	 * Create a snapshot that is computed when {@link #refresh()} runs.
	 * @param computation computes the value; may be slow
	 * @param clock the clock that dates each value
	 */
	public PeriodicSnapshot(Supplier<T> computation, Clock clock) {
		this.computation = computation;
		this.clock = clock;
	}

	/**
	 * Schedule the computation now and every period on the given scheduler.
	 * @param name what is computed, for the log
	 * @param scheduler the scheduler
	 * @param period time between two computations
	 * @return this snapshot
	 */
	public PeriodicSnapshot<T> scheduleOn(String name, MonitoringScheduler scheduler, Duration period) {
		scheduler.scheduleWithFixedDelay(name, this::refresh, period);
		this.period = period;
		return this;
	}

	/**
	 * Return the time between two computations.
	 * @return the period, or {@code null} when the snapshot is not scheduled
	 */
	public Duration period() {
		return this.period;
	}

	/**
	 * Compute the value now, on the calling thread.
	 */
	public void refresh() {
		T value = this.computation.get();
		this.latest = new Snapshot<>(value, this.clock.instant());
	}

	/**
	 * Return the last value computed.
	 * @return the last snapshot, or {@code null} when none was computed yet
	 */
	public Snapshot<T> latest() {
		return this.latest;
	}

	/**
	 * Return the clock that dates the values.
	 * @return the clock
	 */
	public Clock clock() {
		return this.clock;
	}

	/**
	 * A value and when it was computed.
	 *
	 * @param <T> the type of the value
	 * @param value the value
	 * @param computedAt when it was computed
	 */
	public record Snapshot<T>(T value, Instant computedAt) {

		/**
		 * Return the age of this snapshot.
		 * @param now the current time
		 * @return how long ago the value was computed
		 */
		public Duration age(Instant now) {
			return Duration.between(this.computedAt, now);
		}

	}

}
