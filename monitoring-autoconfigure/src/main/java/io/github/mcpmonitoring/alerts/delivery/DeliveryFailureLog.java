package io.github.mcpmonitoring.alerts.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Logs failed deliveries of one channel at WARN at most once a minute and otherwise at DEBUG, so that a dead
 * receiver never floods the log. It names the reason (a status code or an exception class), never the URL, the
 * headers or the body.
 */
final class DeliveryFailureLog {

	private static final Log logger = LogFactory.getLog(DeliveryFailureLog.class);

	private static final Duration QUIET_PERIOD = Duration.ofMinutes(1);

	private final String channel;

	private final Clock clock;

	private Instant lastWarning;

	DeliveryFailureLog(String channel, Clock clock) {
		this.channel = channel;
		this.clock = clock;
	}

	void deliveryFailed(String reason) {
		String message = "Failed to deliver an alert notification through channel '" + this.channel + "': " + reason;
		if (shouldWarn()) {
			logger.warn(message + "; further failures within a minute are logged at DEBUG");
		}
		else if (logger.isDebugEnabled()) {
			logger.debug(message);
		}
	}

	private synchronized boolean shouldWarn() {
		Instant now = this.clock.instant();
		if (this.lastWarning != null && now.isBefore(this.lastWarning.plus(QUIET_PERIOD))) {
			return false;
		}
		this.lastWarning = now;
		return true;
	}

}
