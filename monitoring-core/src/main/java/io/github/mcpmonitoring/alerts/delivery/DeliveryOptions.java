package io.github.mcpmonitoring.alerts.delivery;

import java.time.Duration;

import io.github.mcpmonitoring.core.SettingChecks;

/**
 * How an HTTP channel delivers notifications: timeouts, the size of its queue and its retries.
 *
 * @param connectTimeout how long to wait for a connection to the receiver
 * @param requestTimeout how long one attempt may take, the response body included
 * @param queueCapacity how many notifications wait for delivery before the oldest is dropped
 * @param maxAttempts how many times a notification is tried, at least 1
 * @param initialBackoff the wait before the second attempt, doubled before each further attempt
 */
public record DeliveryOptions(Duration connectTimeout, Duration requestTimeout, int queueCapacity, int maxAttempts,
		Duration initialBackoff) {

	/**
	 * Create options, checking them.
	 * @param connectTimeout how long to wait for a connection to the receiver
	 * @param requestTimeout how long one attempt may take, the response body included
	 * @param queueCapacity how many notifications wait for delivery before the oldest is dropped
	 * @param maxAttempts how many times a notification is tried, at least 1
	 * @param initialBackoff the wait before the second attempt, doubled before each further attempt
	 */
	public DeliveryOptions {
		SettingChecks.requirePositive("connectTimeout", connectTimeout);
		SettingChecks.requirePositive("requestTimeout", requestTimeout);
		SettingChecks.requireAtLeast("queueCapacity", queueCapacity, 1);
		SettingChecks.requireAtLeast("maxAttempts", maxAttempts, 1);
		SettingChecks.requireNonNegative("initialBackoff", initialBackoff);
	}

	/**
	 * Return the defaults: connect in 2 s, answer in 5 s, 1000 queued, 3 attempts 1 s and 2 s apart.
	 * @return the default options
	 */
	public static DeliveryOptions defaults() {
		return new DeliveryOptions(Duration.ofSeconds(2), Duration.ofSeconds(5), 1000, 3, Duration.ofSeconds(1));
	}

	/**
	 * Return a copy with other timeouts.
	 * @param connectTimeout how long to wait for a connection to the receiver
	 * @param requestTimeout how long one attempt may take, the response body included
	 * @return the new options
	 */
	public DeliveryOptions withTimeouts(Duration connectTimeout, Duration requestTimeout) {
		return new DeliveryOptions(connectTimeout, requestTimeout, this.queueCapacity, this.maxAttempts,
				this.initialBackoff);
	}

	/**
	 * Return a copy with another queue capacity.
	 * @param queueCapacity how many notifications wait for delivery before the oldest is dropped
	 * @return the new options
	 */
	public DeliveryOptions withQueueCapacity(int queueCapacity) {
		return new DeliveryOptions(this.connectTimeout, this.requestTimeout, queueCapacity, this.maxAttempts,
				this.initialBackoff);
	}

	/**
	 * Return a copy with other retries.
	 * @param maxAttempts how many times a notification is tried, at least 1
	 * @param initialBackoff the wait before the second attempt, doubled before each further attempt
	 * @return the new options
	 */
	public DeliveryOptions withRetries(int maxAttempts, Duration initialBackoff) {
		return new DeliveryOptions(this.connectTimeout, this.requestTimeout, this.queueCapacity, maxAttempts,
				initialBackoff);
	}

	Duration backoffBefore(int attempt) {
		return this.initialBackoff.multipliedBy(1L << Math.min(attempt - 2, 20));
	}

}
