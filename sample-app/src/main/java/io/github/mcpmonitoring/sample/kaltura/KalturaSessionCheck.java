package io.github.mcpmonitoring.sample.kaltura;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One cheap remote check of the {@link KalturaSession}, to keep its status fresh without waiting for a tool call:
 * {@code session.get} with the current KS when there is one, {@code system.ping} otherwise. It never starts a
 * session. Give it a client with a short read timeout: that timeout bounds the whole check, even against a Kaltura
 * that accepts connections and never answers.
 */
public class KalturaSessionCheck implements Runnable {

	private static final Logger logger = LoggerFactory.getLogger(KalturaSessionCheck.class);

	private final KalturaSession session;

	private final KalturaClient checkClient;

	/**
	 * Creates a check.
	 * @param session the session to check and update
	 * @param checkClient the client to check with, with a short read timeout
	 */
	public KalturaSessionCheck(KalturaSession session, KalturaClient checkClient) {
		this.session = session;
		this.checkClient = checkClient;
	}

	/**
	 * Runs the check once and records its outcome in the session; never throws a {@link KalturaException}.
	 */
	@Override
	public void run() {
		KalturaSessionKey key = this.session.keyToCheck();
		try {
			if (key != null) {
				this.session.checkPassed(key, this.checkClient.getSession(key));
			}
			else {
				this.checkClient.ping();
				this.session.checkAnswered();
			}
		}
		catch (KalturaApiException ex) {
			this.session.checkRejected(key, ex);
		}
		catch (KalturaTransportException ex) {
			logger.debug("Kaltura session check got no answer: {}", ex.getCode());
			this.session.checkFailed(ex);
		}
	}

}
