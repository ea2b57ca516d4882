package io.github.mcpmonitoring.peers;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import io.modelcontextprotocol.client.McpAsyncClient;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.transport.HttpClientSseClientTransport;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * Probes one MCP peer with the MCP Java SDK client: {@code initialize}, the check, close; the whole exchange bounded by
 * the timeout, including a peer that accepts the connection and never answers. Uses only client API that MCP SDK 0.18
 * and 2.0 share. One HTTP client per peer serves every probe, so probes leave no thread behind.
 */
public class McpPeerProbe implements AutoCloseable {

	private static final int EXCHANGE_THREADS = 2;

	/** Pages of {@code tools/list} read at most, against a peer whose cursor never ends. */
	static final int MAX_TOOL_PAGES = 100;

	private static final String INITIALIZE = ProbeAnswers.INITIALIZE;

	private static final McpSchema.Implementation CLIENT_INFO = new McpSchema.Implementation("mcp-monitoring-probe",
			"1.0");

	private final PeerSettings settings;

	private final ThreadPoolExecutor executor;

	private final HttpClient httpClient;

	/**
	 * Create a probe.
	 * @param settings the peer and how to probe it
	 */
	public McpPeerProbe(PeerSettings settings) {
		this.settings = settings;
		// The JDK client's default executor grows a thread for each exchange that overlaps another; a probe needs
		// few, and none while the peer is not probed.
		this.executor = new ThreadPoolExecutor(EXCHANGE_THREADS, EXCHANGE_THREADS, 30, TimeUnit.SECONDS,
				new LinkedBlockingQueue<>(), new ProbeThreads(settings.name()));
		this.executor.allowCoreThreadTimeOut(true);
		this.httpClient = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(settings.timeout())
			.executor(this.executor)
			.build();
	}

	/**
	 * Probe the peer once. Never blocks the calling thread on the network and never completes exceptionally.
	 * @return the result, at the latest shortly after the timeout
	 */
	public CompletableFuture<PeerProbeResult> probe() {
		Exchange exchange = new Exchange(this.httpClient, this.settings.transport());
		return Mono.using(() -> client(exchange), (client) -> bounded(exchange(client, exchange), exchange.transport),
				McpAsyncClient::close)
			// Only in case the exchange ignores its deadline: cancelling it leaves requests that the MCP client
			// logs when it closes.
			.timeout(this.settings.timeout().multipliedBy(3))
			.map(exchange::succeeded)
			.onErrorResume((ex) -> Mono.just(exchange.failed(ex, this.settings.timeout())))
			.toFuture();
	}

	private Mono<Optional<Integer>> exchange(McpAsyncClient client, Exchange exchange) {
		Mono<Optional<Integer>> check = switch (this.settings.check()) {
			case PING -> exchange.step(PeerCheck.PING.methodName(), client.ping()).thenReturn(Optional.empty());
			case TOOLS_LIST -> exchange.step(PeerCheck.TOOLS_LIST.methodName(), countTools(client, null, 1, 0))
				.map(Optional::of);
		};
		return exchange.step(INITIALIZE, client.initialize()).then(check);
	}

	/**
	 * Fail the exchange at the timeout as a failure of its transport, so that the message waiting fails with it and
	 * the MCP client ends quietly, instead of cancelling the exchange from outside.
	 */
	private <T> Mono<T> bounded(Mono<T> exchange, ProbeTransport transport) {
		return Mono.defer(() -> {
			Disposable deadline = Mono.delay(this.settings.timeout())
				.subscribe((tick) -> transport.fail(new TimeoutException("no answer within the probe's timeout")));
			return exchange.doFinally((signal) -> deadline.dispose());
		});
	}

	private Mono<Integer> countTools(McpAsyncClient client, String cursor, int page, int counted) {
		return client.listTools(cursor).flatMap((result) -> {
			int tools = counted + ((result.tools() != null) ? result.tools().size() : 0);
			String next = result.nextCursor();
			if (next == null || next.isEmpty() || page >= MAX_TOOL_PAGES) {
				return Mono.just(tools);
			}
			return countTools(client, next, page + 1, tools);
		});
	}

	private McpAsyncClient client(Exchange exchange) {
		exchange.transport = new ProbeTransport(transport(exchange.httpClient));
		// Later than the probe's own deadline: two timeouts ending the same exchange at once make the later one an
		// error nobody handles, which Reactor logs.
		Duration clientTimeout = this.settings.timeout().multipliedBy(2);
		McpAsyncClient client = McpClient.async(exchange.transport)
			.requestTimeout(clientTimeout)
			.initializationTimeout(clientTimeout)
			.clientInfo(CLIENT_INFO)
			.build();
		created(client, exchange.transport);
		return client;
	}

	/**
	 * Called with the MCP client and transport of each probe as it starts; nothing else may keep them once the probe
	 * ended (the tests watch them being garbage collected).
	 * @param client the probe's MCP client
	 * @param transport the probe's transport
	 */
	void created(McpAsyncClient client, McpClientTransport transport) {
	}

	private McpClientTransport transport(HttpClient httpClient) {
		URI url = this.settings.url();
		String base = url.getScheme() + "://" + url.getRawAuthority();
		String path = (url.getRawPath() == null || url.getRawPath().isEmpty()) ? "/" : url.getRawPath();
		String endpoint = (url.getRawQuery() != null) ? path + "?" + url.getRawQuery() : path;
		ProbeClientBuilder clientBuilder = new ProbeClientBuilder(httpClient);
		return switch (this.settings.transport()) {
			case STREAMABLE -> HttpClientStreamableHttpTransport.builder(base)
				.endpoint(endpoint)
				.clientBuilder(clientBuilder)
				.httpRequestCustomizer(this::customize)
				.build();
			case SSE -> HttpClientSseClientTransport.builder(base)
				.sseEndpoint(endpoint)
				.clientBuilder(clientBuilder)
				.httpRequestCustomizer(this::customize)
				.build();
		};
	}

	private void customize(HttpRequest.Builder request, String method, URI uri, String body,
			McpTransportContext context) {
		this.settings.headers().forEach(request::setHeader);
		// The JDK client's own bound: it gives up on an exchange whose answer does not start in time and closes its
		// connection, so that a peer that never answers keeps no exchange open after the probe gave up.
		request.timeout(this.settings.timeout());
	}

	@Override
	public void close() {
		this.executor.shutdown();
		// The JDK's HttpClient can be closed from Java 21 on; before, its thread ends once it is unreachable.
		if (this.httpClient instanceof AutoCloseable closeable) {
			try {
				closeable.close();
			}
			catch (Exception ex) {
				// Nothing left to release.
			}
		}
	}

	/** Daemon threads named after the peer. */
	private static final class ProbeThreads implements ThreadFactory {

		private final String peer;

		private final AtomicInteger count = new AtomicInteger();

		ProbeThreads(String peer) {
			this.peer = peer;
		}

		@Override
		public Thread newThread(Runnable runnable) {
			Thread thread = new Thread(runnable, "mcp-peer-" + this.peer + "-" + this.count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		}

	}

	/** One probe's operations in progress. */
	private static final class Exchange {

		private final ObservedHttpClient httpClient;

		private volatile ProbeTransport transport;

		private final List<PeerProbeResult.Operation> operations = new ArrayList<>();

		private final long startedAt = System.nanoTime();

		private volatile String current;

		private volatile long currentStartedAt;

		Exchange(HttpClient httpClient, PeerTransport transport) {
			// The SSE transport logs a failure of its own connection unless it is closing by then.
			this.httpClient = new ObservedHttpClient(httpClient, transport,
					(transport == PeerTransport.SSE) ? this::connectionFailed : this::answerRefused);
		}

		private void connectionFailed(Throwable failure) {
			ProbeTransport current = this.transport;
			if (current != null) {
				current.connectionFailed(failure);
			}
		}

		private void answerRefused(Throwable failure) {
			ProbeTransport current = this.transport;
			if (current != null) {
				current.fail(failure);
			}
		}

		<T> Mono<T> step(String methodName, Mono<T> operation) {
			return Mono.defer(() -> {
				this.current = methodName;
				this.currentStartedAt = System.nanoTime();
				return operation;
			}).doOnSuccess((value) -> end("none"));
		}

		private synchronized void end(String errorType) {
			if (this.current != null) {
				this.operations.add(new PeerProbeResult.Operation(this.current,
						Duration.ofNanos(System.nanoTime() - this.currentStartedAt), errorType));
				this.current = null;
			}
		}

		synchronized PeerProbeResult succeeded(Optional<Integer> tools) {
			return new PeerProbeResult(this.operations, elapsed(), null, tools.orElse(null));
		}

		synchronized PeerProbeResult failed(Throwable failure, Duration timeout) {
			PeerFailure classified = PeerFailure.of(failure, this.httpClient.lastStatus(), this.httpClient.allAnswered(),
					timeout);
			if (this.current == null) {
				// Failed before the first operation started: building the client, say.
				this.current = INITIALIZE;
				this.currentStartedAt = this.startedAt;
			}
			end(classified.errorType());
			return new PeerProbeResult(this.operations, elapsed(), classified, null);
		}

		private Duration elapsed() {
			return Duration.ofNanos(System.nanoTime() - this.startedAt);
		}

	}

}
