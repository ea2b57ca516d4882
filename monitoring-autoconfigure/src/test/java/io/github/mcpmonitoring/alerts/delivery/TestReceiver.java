package io.github.mcpmonitoring.alerts.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
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
final class TestReceiver implements AutoCloseable {

	private static final ObjectMapper mapper = new ObjectMapper();

	private final HttpServer server;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();

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

	static TestReceiver start() throws IOException {
		return new TestReceiver();
	}

	URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + path);
	}

	/** Answer the next requests with these statuses, repeating the last one. */
	void respondWith(int... statuses) {
		this.statuses = statuses;
	}

	/** Leave requests unanswered until {@link #release()}. */
	void hold() {
		this.holding = true;
	}

	void release() {
		this.released.countDown();
	}

	int received() {
		return this.received.get();
	}

	Request take() throws InterruptedException {
		Request request = this.requests.poll(10, TimeUnit.SECONDS);
		if (request == null) {
			fail("The receiver got no request within 10 s");
		}
		return request;
	}

	Request poll(Duration timeout) throws InterruptedException {
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
			this.requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers,
					body.readAllBytes()));
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
	record Request(String method, String path, Map<String, String> headers, byte[] body) {

		JsonNode json() throws IOException {
			return mapper.readTree(this.body);
		}

	}

}
