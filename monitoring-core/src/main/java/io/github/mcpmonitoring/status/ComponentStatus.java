package io.github.mcpmonitoring.status;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The status code and details of one health component, details in the order they are shown.
 *
 * @param status the status code, for example {@link #UP} or {@link #WARNING}
 * @param details the details, in the order they were added
 */
public record ComponentStatus(String status, Map<String, Object> details) {

	/** The component works. */
	public static final String UP = "UP";

	/** The component does not work. */
	public static final String DOWN = "DOWN";

	/** The state of the component is not known. */
	public static final String UNKNOWN = "UNKNOWN";

	/** The component was taken out of service. */
	public static final String OUT_OF_SERVICE = "OUT_OF_SERVICE";

	/**
	 * Trouble worth a look that does not stop the server from serving: the status of the components fed by request
	 * outcomes when they show trouble, instead of {@link #DOWN}.
	 */
	public static final String WARNING = "WARNING";

	/**
	 * Create a status, keeping the order of the details.
	 * @param status the status code
	 * @param details the details
	 */
	public ComponentStatus {
		Objects.requireNonNull(status, "status");
		details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
	}

	/**
	 * Start a status with the given code.
	 * @param status the status code
	 * @return a builder
	 */
	public static Builder status(String status) {
		return new Builder(status);
	}

	/**
	 * Return this status with one more detail after the others.
	 * @param key the key
	 * @param value the value
	 * @return a new status
	 */
	public ComponentStatus withDetail(String key, Object value) {
		return new Builder(this.status).withDetails(this.details).withDetail(key, value).build();
	}

	/**
	 * Builds a {@link ComponentStatus}, keeping the details in the order they are added.
	 */
	public static final class Builder {

		private final String status;

		private final Map<String, Object> details = new LinkedHashMap<>();

		private Builder(String status) {
			this.status = status;
		}

		/**
		 * Add a detail.
		 * @param key the key
		 * @param value the value, not {@code null}
		 * @return this builder
		 */
		public Builder withDetail(String key, Object value) {
			this.details.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, key));
			return this;
		}

		/**
		 * Add a detail when its value is known.
		 * @param key the key
		 * @param value the value, may be {@code null} to add nothing
		 * @return this builder
		 */
		public Builder withDetailIfKnown(String key, Object value) {
			return (value != null) ? withDetail(key, value) : this;
		}

		/**
		 * Add details, in their order.
		 * @param details the details
		 * @return this builder
		 */
		public Builder withDetails(Map<String, ?> details) {
			details.forEach(this::withDetail);
			return this;
		}

		/**
		 * Build the status.
		 * @return the status
		 */
		public ComponentStatus build() {
			return new ComponentStatus(this.status, this.details);
		}

	}

}
