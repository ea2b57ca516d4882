package io.github.mcpmonitoring.sample.kaltura;

/**
 * A call that Kaltura answered with a {@code KalturaAPIException}, such as {@code INVALID_KS} or
 * {@code ENTRY_ID_NOT_FOUND}.
 */
public class KalturaApiException extends KalturaException {

	/** Code Kaltura uses for every KS failure: missing, malformed, expired or revoked. */
	public static final String INVALID_KS = "INVALID_KS";

	/** Code Kaltura uses when an entry id does not exist. */
	public static final String ENTRY_ID_NOT_FOUND = "ENTRY_ID_NOT_FOUND";

	private final String code;

	public KalturaApiException(String api, String code, String message) {
		super(api, "Kaltura API error " + code + " in " + api + ": " + message, null);
		this.code = code;
	}

	@Override
	public String getCode() {
		return this.code;
	}

	/**
	 * Whether Kaltura rejected the KS the call was made with.
	 * @return {@code true} for {@code INVALID_KS}
	 */
	public boolean isInvalidKs() {
		return INVALID_KS.equals(this.code);
	}

}
