package io.github.mcpmonitoring.peers;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;

/**
 * A peer that speaks just enough of MCP over HTTP for a probe to reach the answer a test chooses, byte for byte:
 * streamable HTTP at {@code /mcp} (a {@code GET} is 405, notifications are 202), or SSE at {@code /sse} with the
 * messages of each event stream posted to {@code /message}. Each request of the probe is answered by the script.
 */
final class ScriptedPeer implements AutoCloseable {

	private final PeerTransport transport;

	private final Function<Request, Answer> script;

	private final McpJsonMapper json = McpJsonDefaults.getMapper();

	private final ExecutorService executor = Executors.newCachedThreadPool((runnable) -> {
		Thread thread = new Thread(runnable, "scripted-peer");
		thread.setDaemon(true);
		return thread;
	});

	private final Map<String, OutputStream> eventStreams = new ConcurrentHashMap<>();

	private final AtomicInteger streamCount = new AtomicInteger();

	private final HttpServer server;

	ScriptedPeer(PeerTransport transport, Function<Request, Answer> script) throws IOException {
		this.transport = transport;
		this.script = script;
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.setExecutor(this.executor);
		if (transport == PeerTransport.SSE) {
			this.server.createContext("/sse", this::openEventStream);
			this.server.createContext("/message", this::postedToEventStream);
		}
		else {
			this.server.createContext("/mcp", this::streamable);
		}
		this.server.start();
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort()
				+ ((this.transport == PeerTransport.SSE) ? "/sse" : "/mcp");
	}

	private void streamable(HttpExchange exchange) throws IOException {
		if (!"POST".equals(exchange.getRequestMethod())) {
			send(exchange, 405, null, "");
			return;
		}
		Request request = request(exchange);
		if (request == null) {
			send(exchange, 202, null, "");
			return;
		}
		Answer answer = this.script.apply(request);
		send(exchange, 200, answer.contentType(), answer.body());
	}

	private void openEventStream(HttpExchange exchange) throws IOException {
		String stream = String.valueOf(this.streamCount.incrementAndGet());
		exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
		exchange.sendResponseHeaders(200, 0);
		OutputStream body = exchange.getResponseBody();
		this.eventStreams.put(stream, body);
		write(body, "event: endpoint\ndata: /message?stream=" + stream + "\n\n");
		// The exchange stays open: answers are written to it as requests are posted.
	}

	private void postedToEventStream(HttpExchange exchange) throws IOException {
		String query = String.valueOf(exchange.getRequestURI().getQuery());
		OutputStream stream = this.eventStreams.get(query.substring(query.indexOf('=') + 1));
		Request request = request(exchange);
		send(exchange, 202, null, "");
		if (request != null && stream != null) {
			Answer answer = this.script.apply(request);
			write(stream, answer.eventStream() ? answer.body() : "event: message\ndata: " + answer.body() + "\n\n");
		}
	}

	private Request request(HttpExchange exchange) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		if (!(McpSchema.deserializeJsonRpcMessage(this.json, body) instanceof McpSchema.JSONRPCRequest request)) {
			return null;
		}
		Object version = (request.params() instanceof Map<?, ?> params) ? params.get("protocolVersion") : null;
		return new Request(request.method(), this.json.writeValueAsString(request.id()), String.valueOf(version));
	}

	private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		if (contentType != null) {
			exchange.getResponseHeaders().set("Content-Type", contentType);
		}
		exchange.sendResponseHeaders(status, (bytes.length == 0) ? -1 : bytes.length);
		if (bytes.length > 0) {
			exchange.getResponseBody().write(bytes);
		}
		exchange.close();
	}

	private static void write(OutputStream stream, String text) {
		try {
			stream.write(text.getBytes(StandardCharsets.UTF_8));
			stream.flush();
		}
		catch (IOException ex) {
			// The probe closed its event stream.
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	/**
	 * A request of the probe.
	 *
	 * @param method its method
	 * @param id its id, as JSON
	 * @param protocolVersion the protocol version asked for, when it is {@code initialize}
	 */
	record Request(String method, String id, String protocolVersion) {

		private static final String INITIALIZE = "initialize";

		/** Answer with this result. */
		Answer result(String result) {
			return Answer.json("{\"jsonrpc\":\"2.0\",\"id\":" + this.id + ",\"result\":" + result + "}");
		}

		/** Answer {@code initialize} in the protocol version asked for, and anything else with an empty result. */
		Answer success() {
			return result(INITIALIZE.equals(this.method) ? initializeResult(this.protocolVersion, "test-peer") : "{}");
		}

		/** Answer with a JSON-RPC error. */
		Answer error(int code, String message) {
			return Answer.json("{\"jsonrpc\":\"2.0\",\"id\":" + this.id + ",\"error\":{\"code\":" + code
					+ ",\"message\":\"" + message + "\",\"data\":\"" + message + "\"}}");
		}

		/** An initialize result in this protocol version, with this server name and instructions. */
		static String initializeResult(String protocolVersion, String serverName) {
			return "{\"protocolVersion\":\"" + protocolVersion + "\",\"capabilities\":{\"tools\":{}},"
					+ "\"serverInfo\":{\"name\":\"" + serverName + "\",\"version\":\"1\"},\"instructions\":\""
					+ serverName + "\"}";
		}

	}

	/**
	 * What the peer answers a request with: a JSON-RPC message (the body of the streamable answer, or the data of
	 * an event of the SSE stream), or exact bytes (of the streamable answer with its media type, or of the SSE
	 * stream).
	 *
	 * @param contentType the media type of the streamable answer
	 * @param body the answer
	 * @param eventStream whether the body is written to the SSE stream as it is
	 */
	record Answer(String contentType, String body, boolean eventStream) {

		static Answer json(String message) {
			return new Answer("application/json", message, false);
		}

		static Answer raw(String contentType, String body) {
			return new Answer(contentType, body, true);
		}

	}

}
