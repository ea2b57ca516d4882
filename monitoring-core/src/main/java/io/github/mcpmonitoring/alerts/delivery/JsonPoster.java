package io.github.mcpmonitoring.alerts.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.mcpmonitoring.core.InvalidSettingException;

/**
 * POSTs JSON documents to one URL with a timeout per attempt and bounded retries with backoff, counting and logging
 * the outcome. The timeout bounds the whole exchange, the response body included. Connection failures, timeouts, 408,
 * 429 and 5xx are retried; other statuses are not.
 */
final class JsonPoster {

	private final HttpClient client;

	private final HttpRequest.Builder request;

	private final DeliveryOptions options;

	private final DeliveryMetrics metrics;

	private final DeliveryFailureLog failureLog;

	JsonPoster(URI uri, Map<String, String> headers, DeliveryOptions options, DeliveryMetrics metrics,
			DeliveryFailureLog failureLog) {
		this.client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(options.connectTimeout())
			.build();
		this.request = requestTemplate(uri, headers);
		this.options = options;
		this.metrics = metrics;
		this.failureLog = failureLog;
	}

	void post(byte[] body) throws InterruptedException {
		Attempt attempt = null;
		int attempts = 0;
		while (attempts < this.options.maxAttempts() && (attempt == null || attempt.retryable())) {
			attempts++;
			if (attempts > 1) {
				Thread.sleep(this.options.backoffBefore(attempts).toMillis());
			}
			attempt = attempt(body);
			if (attempt.succeeded()) {
				this.metrics.success();
				return;
			}
		}
		// Logged before counted: whoever sees the count can also see the log line.
		String tries = (attempts == 1) ? " attempt" : " attempts";
		this.failureLog.deliveryFailed(attempt.reason() + " after " + attempts + tries);
		this.metrics.failure();
	}

	private Attempt attempt(byte[] body) throws InterruptedException {
		HttpRequest request = this.request.copy().POST(BodyPublishers.ofByteArray(body)).build();
		CompletableFuture<HttpResponse<Void>> exchange;
		try {
			exchange = this.client.sendAsync(request, BodyHandlers.discarding());
		}
		catch (RuntimeException ex) {
			return Attempt.ofFailure(ex);
		}
		// Bounds the whole exchange: HttpRequest.timeout only bounds the wait for the headers, and a body that never
		// ends would hold the worker.
		try {
			return Attempt.ofStatus(exchange.get(this.options.requestTimeout().toNanos(), TimeUnit.NANOSECONDS)
				.statusCode());
		}
		catch (TimeoutException ex) {
			exchange.cancel(true);
			return Attempt.ofFailure(ex);
		}
		catch (ExecutionException ex) {
			return Attempt.ofFailure((ex.getCause() != null) ? ex.getCause() : ex);
		}
		catch (InterruptedException ex) {
			exchange.cancel(true);
			throw ex;
		}
	}

	/**
	 * Check that a URL is an http or https URL with a host.
	 * @param setting the name of the setting the URL comes from
	 * @param url the URL
	 * @return the URL
	 */
	static URI requireHttpUrl(String setting, URI url) {
		String scheme = (url != null && url.getScheme() != null) ? url.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
			throw new InvalidSettingException(setting, url, "must be an http or https URL");
		}
		return url;
	}

	private static HttpRequest.Builder requestTemplate(URI uri, Map<String, String> headers) {
		requireHttpUrl("url", uri);
		HttpRequest.Builder builder = HttpRequest.newBuilder(uri).header("Content-Type", "application/json");
		if (headers != null) {
			headers.forEach((name, value) -> addHeader(builder, name, value));
		}
		return builder;
	}

	private static void addHeader(HttpRequest.Builder builder, String name, String value) {
		try {
			builder.header(name, value);
		}
		catch (IllegalArgumentException ex) {
			// Not chained: the cause's message may quote the value, which is often a secret.
			throw new IllegalArgumentException("Alert delivery header '" + name + "' is not allowed or not valid");
		}
	}

	/** The outcome of one attempt. */
	private record Attempt(boolean succeeded, boolean retryable, String reason) {

		static Attempt ofStatus(int status) {
			boolean succeeded = status >= 200 && status < 300;
			boolean retryable = status == 408 || status == 429 || status >= 500;
			return new Attempt(succeeded, retryable, "HTTP " + status);
		}

		static Attempt ofFailure(Throwable failure) {
			boolean retryable = failure instanceof IOException || failure instanceof TimeoutException;
			return new Attempt(false, retryable, failure.getClass().getSimpleName());
		}

	}

}
