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
 * of the last response is kept, because the MCP client reports a failed HTTP exchange only in exception text. It also
 * keeps from the MCP transport the answers that transport would log, with the peer's text, and reports them as the
 * probe's failure instead: an event stream with a line or an event the transports cannot read, an answer to a streamable
 * {@code POST} of a media type that is neither JSON nor an event stream and, for the SSE transport, which logs every
 * failure of its own with a stack trace unless it is already closing, an error status, an answer to its {@code GET}
 * that is not an event stream and any failed exchange.
 */
final class ObservedHttpClient extends HttpClient {

	/** {@link #lastStatus()} before any response arrived. */
	static final int NO_RESPONSE = 0;

	private static final String EVENT_STREAM = "text/event-stream";

	private static final String JSON = "application/json";

	private final HttpClient delegate;

	private final AtomicInteger lastStatus = new AtomicInteger(NO_RESPONSE);

	private final AtomicInteger openExchanges = new AtomicInteger();

	private final boolean sse;

	private final Consumer<Throwable> failureListener;

	/**
	 * Observe a client.
	 * @param delegate the peer's shared client
	 * @param transport the MCP transport that uses it
	 * @param failureListener told of an answer kept from the transport and, for the SSE transport, of a failed
	 * exchange, before the transport sees it
	 */
	ObservedHttpClient(HttpClient delegate, PeerTransport transport, Consumer<Throwable> failureListener) {
		this.delegate = delegate;
		this.sse = transport == PeerTransport.SSE;
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
			// A streamable peer without a stream of its own answers the GET for one with 405, as it may.
			if (this.sse || !"GET".equals(request.method()) || info.statusCode() != 405) {
				note(info.statusCode());
			}
			Throwable refused = refused(request, info);
			if (refused != null) {
				this.failureListener.accept(refused);
				return new RefusedBody<>(ended);
			}
			EventStreamScreen events = readAsEventStream(request, info) ? new EventStreamScreen() : null;
			return new ObservedBody<>(handler.apply(info), ended, this.sse ? failedExchangeListener(request) : null,
					events, this.failureListener);
		};
	}

	/**
	 * Return why an answer is kept from the transport, or {@code null} when the transport may read it.
	 */
	private Throwable refused(HttpRequest request, HttpResponse.ResponseInfo info) {
		boolean success = info.statusCode() >= 200 && info.statusCode() <= 299;
		String contentType = contentType(info);
		if (this.sse) {
			if (!success || ("GET".equals(request.method()) && !contentType.startsWith(EVENT_STREAM))) {
				return new IOException("HTTP status " + info.statusCode() + " not expected");
			}
			return null;
		}
		// What the streamable transport reads as no answer, JSON or an event stream; anything else it logs.
		boolean understood = !success || !"POST".equals(request.method()) || info.statusCode() == 202
				|| contentType.isBlank() || "0".equals(info.headers().firstValue("Content-Length").orElse(null))
				|| contentType.contains(JSON) || contentType.contains(EVENT_STREAM);
		return understood ? null : new RefusedAnswerException(new PeerFailure(PeerFailure.INVALID_RESPONSE,
				"HTTP status " + info.statusCode() + " with a media type that is neither JSON nor an event stream"));
	}

	private boolean readAsEventStream(HttpRequest request, HttpResponse.ResponseInfo info) {
		boolean success = info.statusCode() >= 200 && info.statusCode() <= 299;
		// The SSE transport reads its GET as an event stream whatever the media type (one that is not is refused).
		return success && ((this.sse && "GET".equals(request.method())) || contentType(info).contains(EVENT_STREAM));
	}

	private static String contentType(HttpResponse.ResponseInfo info) {
		return info.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
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

	/**
	 * Return what tells the failure listener of a failed exchange of the SSE transport, with which exchange it was.
	 */
	private Consumer<Throwable> failedExchangeListener(HttpRequest request) {
		String exchange = "GET".equals(request.method()) ? FailedExchangeException.EVENT_STREAM
				: FailedExchangeException.MESSAGE;
		return (failure) -> this.failureListener.accept(new FailedExchangeException(exchange, failure));
	}

	private <T> CompletableFuture<HttpResponse<T>> endedOnFailure(HttpRequest request,
			CompletableFuture<HttpResponse<T>> response, Runnable ended) {
		if (!this.sse) {
			response.whenComplete((result, failure) -> {
				if (failure != null) {
					ended.run();
				}
			});
			return response;
		}
		// A stage after the listener, so that the listener knows of a failure before the caller.
		Consumer<Throwable> failedExchange = failedExchangeListener(request);
		CompletableFuture<HttpResponse<T>> told = response.whenComplete((result, failure) -> {
			if (failure != null) {
				ended.run();
				if (!(failure instanceof CancellationException)) {
					failedExchange.accept(failure);
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

	/**
	 * Notes that an exchange ended when its body ends and, for an event stream, keeps the rest of the body from the
	 * caller from the first part on that the transports would fail on.
	 */
	private static final class ObservedBody<T> implements HttpResponse.BodySubscriber<T> {

		private final HttpResponse.BodySubscriber<T> delegate;

		private final Runnable ended;

		private final Consumer<Throwable> failedExchangeListener;

		private final EventStreamScreen events;

		private final Consumer<Throwable> refusalListener;

		private final CompletableFuture<T> body = new CompletableFuture<>();

		private Flow.Subscription subscription;

		private boolean refused;

		ObservedBody(HttpResponse.BodySubscriber<T> delegate, Runnable ended, Consumer<Throwable> failedExchangeListener,
				EventStreamScreen events, Consumer<Throwable> refusalListener) {
			this.delegate = delegate;
			this.ended = ended;
			this.failedExchangeListener = failedExchangeListener;
			this.events = events;
			this.refusalListener = refusalListener;
			delegate.getBody().whenComplete((value, failure) -> {
				if (failure != null) {
					this.body.completeExceptionally(failure);
				}
				else {
					this.body.complete(value);
				}
			});
		}

		@Override
		public CompletionStage<T> getBody() {
			return this.body;
		}

		@Override
		public void onSubscribe(Flow.Subscription subscription) {
			this.subscription = subscription;
			this.delegate.onSubscribe(subscription);
		}

		@Override
		public void onNext(List<ByteBuffer> item) {
			if (this.refused) {
				return;
			}
			String refused = (this.events != null) ? this.events.accept(item) : null;
			if (refused != null) {
				refuse(refused);
				return;
			}
			this.delegate.onNext(item);
		}

		@Override
		public void onError(Throwable throwable) {
			if (this.refused) {
				return;
			}
			this.ended.run();
			if (this.failedExchangeListener != null) {
				this.failedExchangeListener.accept(throwable);
			}
			this.delegate.onError(throwable);
		}

		@Override
		public void onComplete() {
			if (this.refused) {
				return;
			}
			String refused = (this.events != null) ? this.events.acceptEnd() : null;
			if (refused != null) {
				refuse(refused);
				return;
			}
			this.ended.run();
			this.delegate.onComplete();
		}

		/**
		 * Stop reading and end the body without the caller's subscriber, which is told nothing: the probe fails with
		 * the refusal instead.
		 */
		private void refuse(String why) {
			this.refused = true;
			this.subscription.cancel();
			this.ended.run();
			this.refusalListener
				.accept(new RefusedAnswerException(new PeerFailure(PeerFailure.INVALID_RESPONSE, why)));
			this.body.complete(null);
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
		return endedOnFailure(request, this.delegate.sendAsync(request, observed(request, handler, ended)), ended);
	}

	@Override
	public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
			HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
		Runnable ended = opened();
		return endedOnFailure(request,
				this.delegate.sendAsync(request, observed(request, handler, ended), pushPromiseHandler), ended);
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
