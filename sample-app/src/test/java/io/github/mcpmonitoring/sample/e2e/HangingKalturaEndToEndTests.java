package io.github.mcpmonitoring.sample.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mcpmonitoring.sample.McpClients;
import io.github.mcpmonitoring.sample.UnresponsiveServer;
import io.github.mcpmonitoring.sample.kaltura.KalturaEndpoint;
import io.github.mcpmonitoring.testing.PrometheusScrape;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample against a Kaltura that accepts connections and never answers: the application starts, every health
 * path answers promptly on every request, liveness stays UP, {@code kalturaSession} turns DOWN as unreachable
 * within a bounded time, a tool call fails in bounded time, and the admin secret appears nowhere. Then the opt-in
 * recipe that adds {@code kalturaSession} to readiness.
 */
class HangingKalturaEndToEndTests {

	static final String SECRET = "test-secret-value";

	static final String PARTNER_ID = "kaltura.partner-id=12345";

	static final String ADMIN_SECRET = "kaltura.admin-secret=" + SECRET;

	static final String CHECK_INTERVAL = "kaltura.session-check-interval=1s";

	static final String CHECK_TIMEOUT = "kaltura.session-check-timeout=500ms";

	/** Bounds tool calls; the default 10 s would only make the test slower. */
	static final String READ_TIMEOUT = "kaltura.read-timeout=1s";

	/** How often the starter polls the session status; 10 s by default. */
	static final String HEALTH_REFRESH = "mcp.monitoring.health.refresh-interval=1s";

	/** Graceful shutdown would wait for the MCP streams the client leaves open. */
	static final String SHUTDOWN_IMMEDIATELY = "server.shutdown=immediate";

	static final String READINESS_WITH_KALTURA = "management.endpoint.health.group.readiness.include="
			+ "readinessState,kalturaSession";

	static final String HEALTH = "/actuator/health";

	static final String LIVENESS = "/actuator/health/liveness";

	static final String READINESS = "/actuator/health/readiness";

	/** Generous, so that it cannot flake on a loaded machine: the indicators answer from memory in milliseconds. */
	static final Duration PROMPT = Duration.ofSeconds(1);

	/** How long a state change may take to show: the session check, then the starter's refresh, with room to spare. */
	static final Duration WAIT_AT_MOST = Duration.ofSeconds(15);

	static final int REQUESTS = 20;

	private static final UnresponsiveServer KALTURA = UnresponsiveServer.start();

	private static final ObjectMapper MAPPER = new ObjectMapper();

	// The request timeout only keeps a broken server from hanging the test: PROMPT is asserted separately.
	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@DynamicPropertySource
	static void hangingKaltura(DynamicPropertyRegistry registry) {
		registry.add("kaltura.service-url", () -> KALTURA.url().toString());
	}

	@AfterAll
	static void stopKaltura() {
		KALTURA.close();
	}

	@Nested
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
			properties = { PARTNER_ID, ADMIN_SECRET, CHECK_INTERVAL, CHECK_TIMEOUT, READ_TIMEOUT, HEALTH_REFRESH,
					SHUTDOWN_IMMEDIATELY })
	@DirtiesContext
	@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
	class DefaultProbes {

		@LocalServerPort
		private int port;

		@LocalManagementPort
		private int managementPort;

		@Autowired
		private ApplicationContext context;

		@Autowired
		private KalturaEndpoint endpoint;

		@Test
		@Order(1)
		void kalturaSessionTurnsDownAsUnreachableWhileLivenessAndReadinessStayUp() throws Exception {
			assertThat(this.endpoint.serviceUrl()).isEqualTo(KALTURA.url());
			long ready = System.currentTimeMillis();
			// Bounded by WAIT_AT_MOST from now: startup time on a loaded machine is not what is measured.
			Probe down = awaitProbe(this.managementPort, HEALTH, (probe) -> {
				JsonNode session = probe.json().path("components").path("kalturaSession");
				return "DOWN".equals(session.path("status").asText())
						&& "UNREACHABLE".equals(session.path("details").path("state").asText());
			});
			long now = System.currentTimeMillis();
			System.out.printf("kalturaSession DOWN (UNREACHABLE) %d ms after the context started, %d ms after it "
					+ "was ready%n", now - this.context.getStartupDate(), now - ready);
			JsonNode details = down.json().path("components").path("kalturaSession").path("details");
			assertThat(details.path("lastErrorCode").asText()).isEqualTo("TIMEOUT");
			assertThat(details.path("partnerId").asInt()).isEqualTo(12345);
			assertThat(down.body()).doesNotContain(SECRET);
			assertUp(get(this.managementPort, LIVENESS));
			assertUp(get(this.managementPort, READINESS));
		}

		@Test
		@Order(2)
		void everyHealthPathAnswersPromptlyOnEveryRequest() throws Exception {
			for (String path : List.of(HEALTH, LIVENESS, READINESS)) {
				for (int i = 0; i < REQUESTS; i++) {
					Probe probe = get(this.managementPort, path);
					assertThat(probe.body()).doesNotContain(SECRET);
					if (!path.equals(HEALTH)) {
						assertUp(probe);
					}
				}
			}
		}

		@Test
		@Order(3)
		void aToolCallFailsInBoundedTimeWithoutHangingTheServer() throws Exception {
			McpSyncClient client = McpClients.streamable(this.port, Duration.ofSeconds(30));
			ExecutorService caller = Executors.newSingleThreadExecutor();
			try {
				client.initialize();
				long start = System.nanoTime();
				CompletableFuture<CallToolResult> call = CompletableFuture.supplyAsync(
						() -> client.callTool(new CallToolRequest("list_media", Map.of("limit", 1))), caller);
				// While the tool waits on Kaltura, the probes must not; and the scrape shows the call in flight.
				double mostInFlight = 0;
				do {
					assertUp(get(this.managementPort, LIVENESS));
					assertUp(get(this.managementPort, READINESS));
					assertThat(get(this.managementPort, HEALTH).body()).doesNotContain(SECRET);
					mostInFlight = Math.max(mostInFlight, listMediaInFlight());
					Thread.sleep(20);
				}
				while (!call.isDone());
				CallToolResult result = call.get(15, TimeUnit.SECONDS);
				Duration took = Duration.ofNanos(System.nanoTime() - start);
				System.out.println("list_media against a hanging Kaltura failed after " + took.toMillis() + " ms");
				assertThat(result.isError()).isTrue();
				assertThat(MAPPER.writeValueAsString(result.content())).doesNotContain(SECRET);
				assertThat(took).isLessThan(Duration.ofSeconds(10));
				// Sampled every 100 ms by default: a call of a second or more shows.
				assertThat(mostInFlight).isEqualTo(1.0);
				assertThat(listMediaInFlight()).isZero();
			}
			finally {
				caller.shutdownNow();
				client.closeGracefully();
			}
			Probe recorded = awaitProbe(this.managementPort, HEALTH, (probe) -> probe.json()
				.path("components")
				.path("recentErrors")
				.toString()
				.contains("list_media"));
			assertThat(recorded.body()).doesNotContain(SECRET);
			assertUp(get(this.managementPort, LIVENESS));
			assertThat(PrometheusScrape.fetch(this.managementPort).text()).doesNotContain(SECRET);
		}

		private double listMediaInFlight() throws Exception {
			return PrometheusScrape.fetch(this.managementPort)
				.samples("mcp_server_operation_active_seconds_count")
				.stream()
				.filter((sample) -> "list_media".equals(sample.labels().get("gen_ai_tool_name")))
				.mapToDouble(PrometheusScrape.Sample::value)
				.sum();
		}

	}

	@Nested
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
			properties = { PARTNER_ID, ADMIN_SECRET, CHECK_INTERVAL, CHECK_TIMEOUT, READ_TIMEOUT, HEALTH_REFRESH,
					SHUTDOWN_IMMEDIATELY, READINESS_WITH_KALTURA })
	@DirtiesContext
	class ReadinessWithKalturaSession {

		@LocalManagementPort
		private int managementPort;

		@Test
		void readinessTurnsDownWhileLivenessStaysUp() throws Exception {
			Probe unready = awaitProbe(this.managementPort, READINESS, (probe) -> probe.status() == 503);
			assertThat(unready.json().path("status").asText()).isEqualTo("DOWN");
			assertThat(unready.body()).doesNotContain(SECRET);
			for (int i = 0; i < REQUESTS; i++) {
				assertUp(get(this.managementPort, LIVENESS));
				Probe readiness = get(this.managementPort, READINESS);
				assertThat(readiness.status()).isEqualTo(503);
				assertThat(readiness.json().path("status").asText()).isEqualTo("DOWN");
			}
		}

	}

	/**
	 * Polls a health path until a probe matches, asserting on the way that every probe answered promptly.
	 */
	static Probe awaitProbe(int port, String path, Predicate<Probe> until) throws Exception {
		long deadline = System.nanoTime() + WAIT_AT_MOST.toNanos();
		Probe probe = get(port, path);
		while (!until.test(probe)) {
			assertThat(System.nanoTime()).as("%s within %s; last: %s", path, WAIT_AT_MOST, probe.body())
				.isLessThan(deadline);
			Thread.sleep(100);
			probe = get(port, path);
		}
		return probe;
	}

	/**
	 * Requests a health path and asserts that it answered within {@link #PROMPT}.
	 */
	static Probe get(int port, String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(10))
			.build();
		long start = System.nanoTime();
		HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		assertThat(took).as("%s answered in %s ms", path, took.toMillis()).isLessThan(PROMPT);
		return new Probe(response.statusCode(), response.body(), MAPPER.readTree(response.body()));
	}

	static void assertUp(Probe probe) {
		assertThat(probe.status()).isEqualTo(200);
		assertThat(probe.json().path("status").asText()).isEqualTo("UP");
	}

	/**
	 * One answer of a health path.
	 */
	record Probe(int status, String body, JsonNode json) {
	}

}
