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
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The peer's shared {@link HttpClient} as one probe sees it: every call goes to the shared client, and the HTTP status
 * of the last response is kept, because the MCP client reports a failed HTTP exchange only in exception text.
 */
final class ObservedHttpClient extends HttpClient {

	/** {@link #lastStatus()} before any response arrived. */
	static final int NO_RESPONSE = 0;

	private final HttpClient delegate;

	private final AtomicInteger lastStatus = new AtomicInteger(NO_RESPONSE);

	private final AtomicInteger openExchanges = new AtomicInteger();

	ObservedHttpClient(HttpClient delegate) {
		this.delegate = delegate;
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

	private <T> HttpResponse.BodyHandler<T> observed(HttpResponse.BodyHandler<T> handler, Runnable ended) {
		return (info) -> {
			note(info.statusCode());
			return new ObservedBody<>(handler.apply(info), ended);
		};
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
		response.whenComplete((result, failure) -> {
			if (failure != null) {
				ended.run();
			}
		});
		return response;
	}

	/** Notes that an exchange ended when its body ends. */
	private static final class ObservedBody<T> implements HttpResponse.BodySubscriber<T> {

		private final HttpResponse.BodySubscriber<T> delegate;

		private final Runnable ended;

		ObservedBody(HttpResponse.BodySubscriber<T> delegate, Runnable ended) {
			this.delegate = delegate;
			this.ended = ended;
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
			this.delegate.onError(throwable);
		}

		@Override
		public void onComplete() {
			this.ended.run();
			this.delegate.onComplete();
		}

	}

	@Override
	public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
			throws IOException, InterruptedException {
		Runnable ended = opened();
		try {
			return this.delegate.send(request, observed(handler, ended));
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
		return endedOnFailure(this.delegate.sendAsync(request, observed(handler, ended)), ended);
	}

	@Override
	public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
			HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
		Runnable ended = opened();
		return endedOnFailure(this.delegate.sendAsync(request, observed(handler, ended), pushPromiseHandler), ended);
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
