package io.github.mcpmonitoring.requests;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.github.mcpmonitoring.core.McpMeterNames;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientSseClientTransport;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpClientTransport;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A Spring AI MCP server (webmvc) with the starter, started on a random loopback port, the SDK's client for it, and
 * what the meters of the request layer say.
 */
final class RequestMetricsServer implements AutoCloseable {

	final ConfigurableApplicationContext context;

	final Protocol protocol;

	final Type type;

	private final String baseUrl;

	private final List<McpSyncClient> clients = new ArrayList<>();

	private RequestMetricsServer(ConfigurableApplicationContext context, Protocol protocol, Type type) {
		this.context = context;
		this.protocol = protocol;
		this.type = type;
		this.baseUrl = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
	}

	static RequestMetricsServer start(Protocol protocol, Class<?> specifications, String... properties) {
		return start(protocol, Type.SYNC, specifications, properties);
	}

	static RequestMetricsServer start(Protocol protocol, Type type, Class<?> specifications, String... properties) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(TestApplication.class, specifications)
			.properties("server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off",
					"spring.ai.mcp.server.protocol=" + protocol, "spring.ai.mcp.server.type=" + type,
					"server.shutdown=immediate")
			.properties(properties)
			.run();
		return new RequestMetricsServer(context, protocol, type);
	}

	/** A new client, initialized; closed with the server. */
	McpSyncClient client(String name) {
		McpSyncClient client = McpClient.sync(this.protocol.clientTransport(this.baseUrl))
			.clientInfo(new io.modelcontextprotocol.spec.McpSchema.Implementation(name, "1.0"))
			.requestTimeout(Duration.ofSeconds(30))
			.build();
		this.clients.add(client);
		client.initialize();
		return client;
	}

	String baseUrl() {
		return this.baseUrl;
	}

	MeterRegistry registry() {
		return this.context.getBean(MeterRegistry.class);
	}

	/** The operation timers whose tags include all the given ones. */
	List<Timer> timers(String... tags) {
		var search = registry().find(McpMeterNames.OPERATION_DURATION);
		for (int i = 0; i < tags.length; i += 2) {
			search = search.tag(tags[i], tags[i + 1]);
		}
		return new ArrayList<>(search.timers());
	}

	long count(String... tags) {
		return timers(tags).stream().mapToLong(Timer::count).sum();
	}

	long total() {
		return count();
	}

	long sessionDurations() {
		return registry().find(McpMeterNames.SESSION_DURATION).timers().stream().mapToLong(Timer::count).sum();
	}

	Double activeSessions() {
		Gauge gauge = registry().find(McpMeterNames.SESSION_ACTIVE).gauge();
		return (gauge != null) ? gauge.value() : null;
	}

	boolean hasTimer(Predicate<Timer> predicate) {
		return timers().stream().anyMatch(predicate);
	}

	/**
	 * Send one JSON-RPC request the SDK client cannot send, over plain HTTP, after an initialize of its own on
	 * stateful transports: a raw streamable HTTP exchange.
	 * @param method the method
	 * @return the body of the answer
	 */
	String rawRequest(String method) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		String sessionId = null;
		if (this.protocol == Protocol.STREAMABLE) {
			HttpResponse<String> initialized = http.send(post(null,
					"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
							+ "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}"),
					HttpResponse.BodyHandlers.ofString());
			sessionId = initialized.headers().firstValue("mcp-session-id").orElseThrow();
			http.send(post(sessionId, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"),
					HttpResponse.BodyHandlers.ofString());
		}
		// The SDK answers an unknown method on a response stream it leaves open: read up to the answer only.
		String answer;
		try (java.util.stream.Stream<String> lines = http.send(
				post(sessionId, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"" + method + "\",\"params\":{}}"),
				HttpResponse.BodyHandlers.ofLines())
			.body()) {
			answer = lines.filter((line) -> !line.isBlank() && !line.startsWith("event:") && !line.startsWith("id:"))
				.findFirst()
				.orElse("");
		}
		if (sessionId != null) {
			http.send(HttpRequest.newBuilder(URI.create(this.baseUrl + "/mcp"))
				.header("mcp-session-id", sessionId)
				.DELETE()
				.build(), HttpResponse.BodyHandlers.ofString());
		}
		return answer;
	}

	private HttpRequest post(String sessionId, String body) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.baseUrl + "/mcp"))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json, text/event-stream")
			.header("MCP-Protocol-Version", "2025-06-18")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (sessionId != null) {
			builder.header("mcp-session-id", sessionId);
		}
		return builder.build();
	}

	/** Close the clients opened so far, gracefully: a streamable client deletes its session. */
	void closeClients() {
		for (McpSyncClient client : this.clients) {
			client.closeGracefully();
		}
		this.clients.clear();
	}

	@Override
	public void close() {
		try {
			closeClients();
		}
		finally {
			this.context.close();
		}
	}

	@Override
	public String toString() {
		return this.protocol + " " + this.type;
	}

	static String describe(List<Timer> timers) {
		return Arrays.toString(timers.stream().map((timer) -> timer.getId().getTags() + "=" + timer.count()).toArray());
	}

	/** The values of {@code spring.ai.mcp.server.protocol}. */
	enum Protocol {

		STREAMABLE, SSE, STATELESS;

		McpClientTransport clientTransport(String baseUrl) {
			return switch (this) {
				case SSE -> HttpClientSseClientTransport.builder(baseUrl).sseEndpoint("/sse").build();
				case STREAMABLE, STATELESS ->
					HttpClientStreamableHttpTransport.builder(baseUrl).endpoint("/mcp").build();
			};
		}

		boolean stateful() {
			return this != STATELESS;
		}

	}

	/** The values of {@code spring.ai.mcp.server.type}. */
	enum Type {

		SYNC, ASYNC

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class TestApplication {

	}

	static Map<String, Object> noArguments() {
		return Map.of();
	}

}
