package io.github.mcpmonitoring.peers;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The peer's shared {@link HttpClient} as one probe sees it: every call goes to the shared client, and the HTTP status
 * of the last response is kept, because the MCP client reports a failed HTTP exchange only in exception text. It can
 * also report a failed exchange before the MCP client sees it, and keep an answer that is not an event stream from
 * it, for the SSE transport, which logs every failure of its own with a stack trace unless it is already closing.
 */
final class ObservedHttpClient extends HttpClient {

	/** {@link #lastStatus()} before any response arrived. */
	static final int NO_RESPONSE = 0;

	private static final String EVENT_STREAM = "text/event-stream";

	private final HttpClient delegate;

	private final AtomicInteger lastStatus = new AtomicInteger(NO_RESPONSE);

	private final AtomicInteger openExchanges = new AtomicInteger();

	private final Consumer<Throwable> failureListener;

	/**
	 * Observe a client.
	 * @param delegate the peer's shared client
	 * @param failureListener told of a failed exchange, or an answer that is not an event stream to a {@code GET},
	 * before the caller sees it; {@code null} to leave every answer to the caller
	 */
	ObservedHttpClient(HttpClient delegate, Consumer<Throwable> failureListener) {
		this.delegate = delegate;
		this.failureListener = failureListener;
	}

	/**
	 * Return the status of the last response whose headers arrived.
	 * @return the status, or {@link #NO_RESPONSE}
	 */
	int lastStatus() {
		return this.lastStatus.get();
	}

	private void note(int status) {
		// The first error status is what failed the probe: a later answer (closing the session) must not hide it.
		this.lastStatus.getAndUpdate((previous) -> (previous >= 400) ? previous : status);
	}

	/**
	 * Return whether every exchange sent so far has ended, its answer read to the end: then a probe that still waits
	 * did not understand what it was sent.
	 * @return whether no exchange is open
	 */
	boolean allAnswered() {
		return this.openExchanges.get() == 0;
	}

	private <T> HttpResponse.BodyHandler<T> observed(HttpRequest request, HttpResponse.BodyHandler<T> handler,
			Runnable ended) {
		return (info) -> {
			note(info.statusCode());
			if (this.failureListener != null && !expected(request, info)) {
				this.failureListener.accept(new IOException("HTTP status " + info.statusCode() + " not expected"));
				return new RefusedBody<>(ended);
			}
			return new ObservedBody<>(handler.apply(info), ended, this.failureListener);
		};
	}

	private static boolean expected(HttpRequest request, HttpResponse.ResponseInfo info) {
		if (info.statusCode() < 200 || info.statusCode() > 299) {
			return false;
		}
		String contentType = info.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
		return !"GET".equals(request.method()) || contentType.startsWith(EVENT_STREAM);
	}

	private Runnable opened() {
		this.openExchanges.incrementAndGet();
		AtomicBoolean ended = new AtomicBoolean();
		return () -> {
			if (ended.compareAndSet(false, true)) {
				this.openExchanges.decrementAndGet();
			}
		};
	}

	private <T> CompletableFuture<HttpResponse<T>> endedOnFailure(CompletableFuture<HttpResponse<T>> response,
			Runnable ended) {
		if (this.failureListener == null) {
			response.whenComplete((result, failure) -> {
				if (failure != null) {
					ended.run();
				}
			});
			return response;
		}
		// A stage after the listener, so that the listener knows of a failure before the caller.
		CompletableFuture<HttpResponse<T>> told = response.whenComplete((result, failure) -> {
			if (failure != null) {
				ended.run();
				if (!(failure instanceof CancellationException)) {
					this.failureListener.accept(failure);
				}
			}
		});
		// Cancelling the caller's stage must still cancel the exchange.
		told.whenComplete((result, failure) -> {
			if (told.isCancelled()) {
				response.cancel(true);
			}
		});
		return told;
	}

	/** Notes that an exchange ended when its body ends. */
	private static final class ObservedBody<T> implements HttpResponse.BodySubscriber<T> {

		private final HttpResponse.BodySubscriber<T> delegate;

		private final Runnable ended;

		private final Consumer<Throwable> failureListener;

		ObservedBody(HttpResponse.BodySubscriber<T> delegate, Runnable ended, Consumer<Throwable> failureListener) {
			this.delegate = delegate;
			this.ended = ended;
			this.failureListener = failureListener;
		}

		@Override
		public CompletionStage<T> getBody() {
			return this.delegate.getBody();
		}

		@Override
		public void onSubscribe(Flow.Subscription subscription) {
			this.delegate.onSubscribe(subscription);
		}

		@Override
		public void onNext(List<ByteBuffer> item) {
			this.delegate.onNext(item);
		}

		@Override
		public void onError(Throwable throwable) {
			this.ended.run();
			if (this.failureListener != null) {
				this.failureListener.accept(throwable);
			}
			this.delegate.onError(throwable);
		}

		@Override
		public void onComplete() {
			this.ended.run();
			this.delegate.onComplete();
		}

	}

	/** Reads none of a body the caller is not to see: cancelling it closes the connection. */
	private static final class RefusedBody<T> implements HttpResponse.BodySubscriber<T> {

		private final Runnable ended;

		RefusedBody(Runnable ended) {
			this.ended = ended;
		}

		@Override
		public CompletionStage<T> getBody() {
			return CompletableFuture.completedFuture(null);
		}

		@Override
		public void onSubscribe(Flow.Subscription subscription) {
			subscription.cancel();
			this.ended.run();
		}

		@Override
		public void onNext(List<ByteBuffer> item) {
		}

		@Override
		public void onError(Throwable throwable) {
			this.ended.run();
		}

		@Override
		public void onComplete() {
			this.ended.run();
		}

	}

	@Override
	public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
			throws IOException, InterruptedException {
		Runnable ended = opened();
		try {
			return this.delegate.send(request, observed(request, handler, ended));
		}
		catch (IOException | InterruptedException | RuntimeException ex) {
			ended.run();
			throw ex;
		}
	}

	@Override
	public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
			HttpResponse.BodyHandler<T> handler) {
		Runnable ended = opened();
		return endedOnFailure(this.delegate.sendAsync(request, observed(request, handler, ended)), ended);
	}

	@Override
	public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
			HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
		Runnable ended = opened();
		return endedOnFailure(this.delegate.sendAsync(request, observed(request, handler, ended), pushPromiseHandler), ended);
	}

	@Override
	public Optional<CookieHandler> cookieHandler() {
		return this.delegate.cookieHandler();
	}

	@Override
	public Optional<Duration> connectTimeout() {
		return this.delegate.connectTimeout();
	}

	@Override
	public Redirect followRedirects() {
		return this.delegate.followRedirects();
	}

	@Override
	public Optional<ProxySelector> proxy() {
		return this.delegate.proxy();
	}

	@Override
	public SSLContext sslContext() {
		return this.delegate.sslContext();
	}

	@Override
	public SSLParameters sslParameters() {
		return this.delegate.sslParameters();
	}

	@Override
	public Optional<Authenticator> authenticator() {
		return this.delegate.authenticator();
	}

	@Override
	public Version version() {
		return this.delegate.version();
	}

	@Override
	public Optional<Executor> executor() {
		return this.delegate.executor();
	}

}
