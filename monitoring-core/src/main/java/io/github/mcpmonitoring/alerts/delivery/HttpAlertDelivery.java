package io.github.mcpmonitoring.alerts.delivery;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Delivers the JSON documents of one HTTP channel off the caller's thread: a bounded queue that drops its oldest
 * entry when full, one daemon worker started on first use, and optionally a document re-sent from the worker at a
 * fixed interval.
 */
final class HttpAlertDelivery implements AutoCloseable {

	private static final Duration CLOSE_WAIT = Duration.ofSeconds(1);

	private final String channel;

	private final BlockingQueue<Payload> queue;

	private final int queueCapacity;

	private final JsonPoster poster;

	private final DeliveryMetrics metrics;

	private final DeliveryFailureLog failureLog;

	private final Duration resendInterval;

	private final Supplier<Payload> resend;

	private final Object lifecycle = new Object();

	private volatile Thread worker;

	private volatile boolean closed;

	HttpAlertDelivery(String channel, URI uri, Map<String, String> headers, DeliveryOptions options,
			DeliveryMetrics metrics, Clock clock) {
		this(channel, uri, headers, options, metrics, clock, null, () -> null);
	}

	HttpAlertDelivery(String channel, URI uri, Map<String, String> headers, DeliveryOptions options,
			DeliveryMetrics metrics, Clock clock, Duration resendInterval, Supplier<Payload> resend) {
		this.channel = channel;
		this.queue = new ArrayBlockingQueue<>(options.queueCapacity());
		this.queueCapacity = options.queueCapacity();
		this.metrics = metrics;
		this.failureLog = new DeliveryFailureLog(channel, clock);
		this.poster = new JsonPoster(uri, headers, options, metrics, this.failureLog);
		this.resendInterval = resendInterval;
		this.resend = resend;
	}

	/**
	 * Queue a document for delivery and return at once; when the queue is full, its oldest entry is dropped, counted
	 * and logged.
	 * @param payload what renders the document, on the worker
	 */
	void submit(Payload payload) {
		if (!ensureStarted()) {
			this.metrics.dropped();
			return;
		}
		while (!this.queue.offer(payload)) {
			if (this.queue.poll() != null) {
				// Logged before counted: whoever sees the count can also see the log line.
				this.failureLog.notificationDropped(this.queueCapacity);
				this.metrics.dropped();
			}
		}
	}

	@Override
	public void close() {
		Thread running;
		synchronized (this.lifecycle) {
			this.closed = true;
			running = this.worker;
		}
		if (running != null) {
			running.interrupt();
			try {
				running.join(CLOSE_WAIT.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private boolean ensureStarted() {
		if (this.worker != null || this.closed) {
			return !this.closed;
		}
		synchronized (this.lifecycle) {
			if (this.closed) {
				return false;
			}
			if (this.worker == null) {
				Thread thread = new Thread(this::work, "mcp-alerts-delivery-" + this.channel);
				thread.setDaemon(true);
				thread.start();
				this.worker = thread;
			}
			return true;
		}
	}

	private void work() {
		try {
			if (this.resendInterval != null) {
				deliverAndResend();
			}
			else {
				deliverQueued();
			}
		}
		catch (InterruptedException ex) {
			// Closed: what is still queued goes away with the application.
		}
	}

	private void deliverQueued() throws InterruptedException {
		while (true) {
			deliver(this.queue.take());
		}
	}

	private void deliverAndResend() throws InterruptedException {
		long interval = this.resendInterval.toNanos();
		long nextResend = System.nanoTime() + interval;
		while (true) {
			Payload payload = this.queue.poll(Math.max(0, nextResend - System.nanoTime()), TimeUnit.NANOSECONDS);
			if (payload != null) {
				deliver(payload);
			}
			if (System.nanoTime() - nextResend >= 0) {
				nextResend = System.nanoTime() + interval;
				deliver(this.resend);
			}
		}
	}

	private void deliver(Supplier<Payload> source) throws InterruptedException {
		Payload payload;
		try {
			payload = source.get();
		}
		catch (RuntimeException ex) {
			this.failureLog
				.deliveryFailed("could not collect the alerts to re-send (" + ex.getClass().getSimpleName() + ")");
			this.metrics.failure();
			return;
		}
		if (payload != null) {
			deliver(payload);
		}
	}

	private void deliver(Payload payload) throws InterruptedException {
		byte[] body;
		try {
			body = payload.render();
		}
		catch (IOException | RuntimeException ex) {
			this.failureLog.deliveryFailed("could not write the document (" + ex.getClass().getSimpleName() + ")");
			this.metrics.failure();
			return;
		}
		this.poster.post(body);
	}

	/** Renders one JSON document, on the worker, so that time-dependent fields are fresh when sent. */
	@FunctionalInterface
	interface Payload {

		/**
		 * Render the document.
		 * @return the JSON bytes
		 * @throws IOException if it cannot be written
		 */
		byte[] render() throws IOException;

	}

}
