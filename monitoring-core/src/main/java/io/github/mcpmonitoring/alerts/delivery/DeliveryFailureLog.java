package io.github.mcpmonitoring.alerts.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Logs failed deliveries and dropped notifications of one channel at WARN at most once a minute each and otherwise at
 * DEBUG, so that a dead receiver never floods the log. It names the reason (a status code or an exception class),
 * never the URL, the headers or the body.
 */
final class DeliveryFailureLog {

	private static final Log logger = LogFactory.getLog(DeliveryFailureLog.class);

	private static final Duration QUIET_PERIOD = Duration.ofMinutes(1);

	private final String channel;

	private final Clock clock;

	private final WarningLimit failures = new WarningLimit();

	private final WarningLimit drops = new WarningLimit();

	DeliveryFailureLog(String channel, Clock clock) {
		this.channel = channel;
		this.clock = clock;
	}

	void deliveryFailed(String reason) {
		log(this.failures, "Failed to deliver an alert notification through channel '" + this.channel + "': " + reason,
				"; further failures within a minute are logged at DEBUG");
	}

	void notificationDropped(int queueCapacity) {
		log(this.drops, "Dropped an alert notification of channel '" + this.channel + "': its delivery queue of "
				+ queueCapacity + " is full", "; further drops within a minute are logged at DEBUG");
	}

	private void log(WarningLimit limit, String message, String warningSuffix) {
		try {
			if (limit.shouldWarn(this.clock.instant())) {
				logger.warn(message + warningSuffix);
			}
			else if (logger.isDebugEnabled()) {
				logger.debug(message);
			}
		}
		catch (RuntimeException ex) {
			// A broken logger or clock must stop neither the delivery worker nor the evaluator.
		}
	}

	/** When one kind of event was last logged at WARN. */
	private static final class WarningLimit {

		private Instant lastWarning;

		synchronized boolean shouldWarn(Instant now) {
			if (this.lastWarning != null && now.isBefore(this.lastWarning.plus(QUIET_PERIOD))) {
				return false;
			}
			this.lastWarning = now;
			return true;
		}

	}

}
