package io.github.mcpmonitoring.core;

import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Logs a failure to record a measurement once at WARN and afterwards at DEBUG, so that a broken registry never floods
 * the log of the application it monitors.
 */
public final class RecordingFailureLog {

	private static final Log logger = LogFactory.getLog(RecordingFailureLog.class);

	private final AtomicBoolean warned = new AtomicBoolean();

	/**
	 * Report that recording a measurement failed.
	 * @param meterName the meter that could not be recorded
	 * @param failure the failure
	 */
	public void recordingFailed(String meterName, Throwable failure) {
		try {
			if (this.warned.compareAndSet(false, true)) {
				logger.warn("Failed to record " + meterName + "; the monitored call was not affected."
						+ " Further recording failures are logged at DEBUG", failure);
			}
			else if (logger.isDebugEnabled()) {
				logger.debug("Failed to record " + meterName, failure);
			}
		}
		catch (Exception ignored) {
			// A broken logger must not break the monitored call either.
		}
	}

}
