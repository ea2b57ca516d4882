package io.github.mcpmonitoring.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import static org.assertj.core.api.Assertions.fail;

/**
 * A real HTTP server on loopback that records what it receives and answers with the statuses a test asks for, or
 * holds requests unanswered until released.
 */
public final class TestReceiver implements AutoCloseable {

	private static final ObjectMapper mapper = new ObjectMapper();

	private final HttpServer server;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();

	private final List<Request> history = new CopyOnWriteArrayList<>();

	private final AtomicInteger received = new AtomicInteger();

	private final CountDownLatch released = new CountDownLatch(1);

	private volatile boolean holding;

	private volatile int[] statuses = { 200 };

	private TestReceiver() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.setExecutor(this.executor);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	/**
	 * Start a receiver on a free loopback port; it answers {@code 200} until told otherwise.
	 * @return the running receiver
	 * @throws IOException if it cannot listen
	 */
	public static TestReceiver start() throws IOException {
		return new TestReceiver();
	}

	public URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + path);
	}

	/** Answer the next requests with these statuses, repeating the last one. */
	public void respondWith(int... statuses) {
		this.statuses = statuses;
	}

	/** Leave requests unanswered until {@link #release()}. */
	public void hold() {
		this.holding = true;
	}

	public void release() {
		this.released.countDown();
	}

	public int received() {
		return this.received.get();
	}

	/** Every request received so far, in order, whether or not {@link #take()} has returned it. */
	public List<Request> history() {
		return List.copyOf(this.history);
	}

	/** Return the next request not taken yet, waiting up to 10 s for it, or fail. */
	public Request take() throws InterruptedException {
		Request request = this.requests.poll(10, TimeUnit.SECONDS);
		if (request == null) {
			fail("The receiver got no request within 10 s");
		}
		return request;
	}

	public Request poll(Duration timeout) throws InterruptedException {
		return this.requests.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public void close() {
		release();
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange; InputStream body = exchange.getRequestBody()) {
			int index = this.received.getAndIncrement();
			Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
			exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
			Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers,
					body.readAllBytes());
			this.history.add(request);
			this.requests.add(request);
			if (this.holding) {
				awaitRelease();
			}
			int[] answers = this.statuses;
			exchange.sendResponseHeaders(answers[Math.min(index, answers.length - 1)], -1);
		}
	}

	private void awaitRelease() {
		try {
			this.released.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** One request as received. */
	public record Request(String method, String path, Map<String, String> headers, byte[] body) {

		public JsonNode json() {
			try {
				return mapper.readTree(this.body);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
