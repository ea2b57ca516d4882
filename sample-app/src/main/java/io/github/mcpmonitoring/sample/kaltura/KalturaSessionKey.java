package io.github.mcpmonitoring.sample.kaltura;

import java.util.Objects;

/**
 * A Kaltura session (KS) as an opaque value: only this package can read it, and {@link #toString()} hides it, so
 * a KS cannot end up in a log line, an exception or a tool result by accident.
 */
public final class KalturaSessionKey {

	private final String value;

	KalturaSessionKey(String value) {
		this.value = Objects.requireNonNull(value, "value must not be null");
	}

	String value() {
		return this.value;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof KalturaSessionKey key && key.value.equals(this.value);
	}

	@Override
	public int hashCode() {
		return this.value.hashCode();
	}

	@Override
	public String toString() {
		return "KalturaSessionKey[redacted]";
	}

}
