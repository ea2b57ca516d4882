package io.github.mcpmonitoring.sample.kaltura;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a session check on one daemon thread of its own, first right after {@link #start()} and then a fixed delay
 * after each check ends, so that checks never overlap nor touch a request thread. {@link #close()} stops it.
 */
public class KalturaSessionCheckScheduler implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(KalturaSessionCheckScheduler.class);

	static final String THREAD_NAME = "kaltura-session-check";

	private final Runnable check;

	private final Duration interval;

	private final ScheduledExecutorService executor;

	/**
	 * Creates a scheduler; nothing runs before {@link #start()}.
	 * @param check the check to run
	 * @param interval the delay between the end of one check and the start of the next
	 */
	public KalturaSessionCheckScheduler(Runnable check, Duration interval) {
		if (interval.isNegative() || interval.isZero()) {
			throw new IllegalArgumentException("interval must be positive");
		}
		this.check = check;
		this.interval = interval;
		this.executor = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, THREAD_NAME);
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * Schedules the checks, the first one at once on the scheduler's thread.
	 */
	public void start() {
		this.executor.scheduleWithFixedDelay(this::runSafely, 0, this.interval.toMillis(), TimeUnit.MILLISECONDS);
	}

	/**
	 * Stops the checks, interrupting one in progress.
	 */
	@Override
	public void close() {
		this.executor.shutdownNow();
	}

	// An exception escaping a scheduled task would cancel every later run.
	private void runSafely() {
		try {
			this.check.run();
		}
		catch (RuntimeException ex) {
			logger.warn("Kaltura session check failed unexpectedly", ex);
		}
	}

}
