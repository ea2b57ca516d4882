package io.github.mcpmonitoring.alerts;

import java.util.Locale;

/**
 * State of one alert instance.
 */
public enum AlertState {

	/** The condition does not hold. */
	INACTIVE,

	/** The condition holds, for less time than the rule's {@code for} duration. */
	PENDING,

	/** The condition has held for the rule's {@code for} duration. */
	FIRING,

	/** The condition stopped holding after the alert fired. */
	RESOLVED;

	/**
	 * Return the lower-case name, as used in notifications.
	 * @return the lower-case name
	 */
	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

}
