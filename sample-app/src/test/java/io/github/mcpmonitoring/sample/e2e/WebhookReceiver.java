package io.github.mcpmonitoring.sample.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on a free loopback port that keeps the JSON documents POSTed to it and answers 204.
 */
final class WebhookReceiver implements AutoCloseable {

	private static final ObjectMapper mapper = new ObjectMapper();

	private final HttpServer server;

	private final List<JsonNode> documents = new CopyOnWriteArrayList<>();

	private WebhookReceiver(HttpServer server) {
		this.server = server;
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	static WebhookReceiver start() throws IOException {
		return new WebhookReceiver(HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0));
	}

	URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + path);
	}

	List<JsonNode> documents() {
		return List.copyOf(this.documents);
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange; InputStream body = exchange.getRequestBody()) {
			if ("POST".equals(exchange.getRequestMethod())) {
				this.documents.add(mapper.readTree(body));
			}
			exchange.sendResponseHeaders(204, -1);
		}
	}

}
