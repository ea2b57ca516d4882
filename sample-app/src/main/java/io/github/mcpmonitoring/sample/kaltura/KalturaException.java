package io.github.mcpmonitoring.sample.kaltura;

/**
 * Base type of the failures of a Kaltura API call; messages never contain a KS or a secret.
 */
public abstract class KalturaException extends RuntimeException {

	private final String api;

	protected KalturaException(String api, String message, Throwable cause) {
		super(message, cause);
		this.api = api;
	}

	/**
	 * Returns the API that failed, as {@code service.action}.
	 * @return the API name, such as {@code media.get}
	 */
	public String getApi() {
		return this.api;
	}

	/**
	 * Returns a short, bounded code for the failure, suitable for health details and metric tags.
	 * @return the failure code
	 */
	public abstract String getCode();

}
