package io.github.mcpmonitoring.sample.kaltura;

/**
 * A call that got no Kaltura answer: connection refused, timeout, non-2xx status or a body that is not JSON.
 */
public class KalturaTransportException extends KalturaException {

	/**
	 * Why no answer arrived.
	 */
	public enum Reason {

		/** The connection could not be established or broke. */
		CONNECTION_FAILED,

		/** Connecting or reading took longer than the configured timeout. */
		TIMEOUT,

		/** The server answered with a non-2xx HTTP status. */
		HTTP_ERROR,

		/** The server answered 2xx with a body that is not Kaltura JSON. */
		INVALID_RESPONSE

	}

	private final Reason reason;

	public KalturaTransportException(String api, Reason reason, String message, Throwable cause) {
		super(api, "Kaltura call " + api + " failed (" + reason + "): " + message, cause);
		this.reason = reason;
	}

	/**
	 * Returns why no answer arrived.
	 * @return the reason
	 */
	public Reason getReason() {
		return this.reason;
	}

	@Override
	public String getCode() {
		return this.reason.name();
	}

}
