package io.github.mcpmonitoring.alerts;

import java.util.Locale;

/**
 * Severity of an alert; its lower-case name is the {@code severity} label.
 */
public enum AlertSeverity {

	/** Worth knowing; nothing to do now. */
	INFO,

	/** Needs attention soon. */
	WARNING,

	/** Users are affected; the {@code alerts} health component reports {@code DOWN}. */
	ERROR,

	/** Users are badly affected; the {@code alerts} health component reports {@code DOWN}. */
	CRITICAL;

	/**
	 * Return the label value of this severity.
	 * @return the lower-case name
	 */
	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Tell whether an alert of this severity makes the application unhealthy.
	 * @return whether it is {@link #ERROR} or {@link #CRITICAL}
	 */
	public boolean isUnhealthy() {
		return this == ERROR || this == CRITICAL;
	}

}
