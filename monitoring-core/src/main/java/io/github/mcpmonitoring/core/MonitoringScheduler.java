package io.github.mcpmonitoring.core;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The starter's own small scheduler for periodic monitoring work (health snapshots, alert evaluation), so that the
 * application's scheduling is left as it is. Its threads are daemons; a task that throws is logged and keeps its
 * schedule.
 */
public class MonitoringScheduler implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(MonitoringScheduler.class);

	private final ScheduledThreadPoolExecutor executor;

	/**
	 * Create a scheduler.
	 * @param threads the number of threads, at least 1
	 */
	public MonitoringScheduler(int threads) {
		this.executor = new ScheduledThreadPoolExecutor(threads, new DaemonThreads());
		this.executor.setRemoveOnCancelPolicy(true);
		this.executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
	}

	/**
	 * Run a task now, off the calling thread, and then every period.
	 * @param name what the task does, for the log
	 * @param task the task
	 * @param period the time between the end of one run and the start of the next, positive
	 * @return the scheduled task, to cancel it
	 */
	public ScheduledFuture<?> scheduleWithFixedDelay(String name, Runnable task, Duration period) {
		SettingChecks.requirePositive("period", period);
		return this.executor.scheduleWithFixedDelay(new Guarded(name, task), 0, period.toNanos(),
				TimeUnit.NANOSECONDS);
	}

	/**
	 * Run a task once, off the calling thread.
	 * @param name what the task does, for the log
	 * @param task the task
	 */
	public void execute(String name, Runnable task) {
		this.executor.execute(new Guarded(name, task));
	}

	@Override
	public void close() {
		this.executor.shutdownNow();
	}

	/** Keeps a periodic task scheduled when a run throws. */
	private static final class Guarded implements Runnable {

		private final String name;

		private final Runnable task;

		private boolean warned;

		Guarded(String name, Runnable task) {
			this.name = name;
			this.task = task;
		}

		@Override
		public void run() {
			try {
				this.task.run();
			}
			catch (Throwable ex) {
				// Also an Error: the executor would otherwise cancel the schedule of a periodic task that throws,
				// without a word in the log.
				if (!this.warned) {
					this.warned = true;
					logger.warn("Monitoring task '" + this.name + "' failed; it keeps running on its schedule and"
							+ " further failures are logged at DEBUG", ex);
				}
				else if (logger.isDebugEnabled()) {
					logger.debug("Monitoring task '" + this.name + "' failed", ex);
				}
			}
		}

	}

	private static final class DaemonThreads implements ThreadFactory {

		private final AtomicInteger count = new AtomicInteger();

		@Override
		public Thread newThread(Runnable runnable) {
			Thread thread = new Thread(runnable, "mcp-monitoring-" + this.count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		}

	}

}
