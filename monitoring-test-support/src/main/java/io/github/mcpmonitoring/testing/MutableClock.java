package io.github.mcpmonitoring.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A {@link Clock} in UTC that tests move forward by hand; several components can share one and agree on the time.
 */
public final class MutableClock extends Clock {

	private volatile Instant now;

	/**
	 * Create a clock.
	 * @param now the time it starts at
	 */
	public MutableClock(Instant now) {
		this.now = now;
	}

	/**
	 * Move the clock forward.
	 * @param duration how far
	 */
	public void add(Duration duration) {
		this.now = this.now.plus(duration);
	}

	@Override
	public Instant instant() {
		return this.now;
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException();
	}

}
