package io.github.mcpmonitoring.sample.kaltura;

/**
 * Kaltura session types with their wire codes.
 */
public enum KalturaSessionType {

	/** A user session (type 0). */
	USER(0),

	/** An admin session (type 2), which this server uses. */
	ADMIN(2);

	private final int code;

	KalturaSessionType(int code) {
		this.code = code;
	}

	/**
	 * Returns the code Kaltura uses on the wire.
	 * @return the wire code
	 */
	public int code() {
		return this.code;
	}

	/**
	 * Returns the type for a wire code.
	 * @param code the wire code
	 * @return the session type
	 * @throws IllegalArgumentException for an unknown code
	 */
	public static KalturaSessionType fromCode(int code) {
		for (KalturaSessionType type : values()) {
			if (type.code == code) {
				return type;
			}
		}
		throw new IllegalArgumentException("Unknown Kaltura session type " + code);
	}

}
