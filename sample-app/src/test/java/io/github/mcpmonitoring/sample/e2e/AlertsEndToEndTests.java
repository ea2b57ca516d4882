package io.github.mcpmonitoring.sample.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mcpmonitoring.sample.McpClients;
import io.github.mcpmonitoring.sample.demo.DemoFaults;
import io.github.mcpmonitoring.sample.demo.DemoKalturaBackend;
import io.github.mcpmonitoring.testing.AlertmanagerServer;
import io.github.mcpmonitoring.testing.PrometheusScrape;
import io.github.mcpmonitoring.testing.TestReceiver;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 4 end to end: the sample pointed at a demo Kaltura backend that fails half the calls, called by a real MCP client, fires
 * {@code McpToolErrorRateHigh} within a few evaluation intervals; the alert shows on {@code /actuator/prometheus},
 * {@code /actuator/health} and {@code /actuator/mcp}, reaches a webhook receiver and a real Alertmanager (Debian
 * package {@code prometheus-alertmanager}) with its runbook link, and resolves everywhere once the errors stop.
 * <p>
 * The thresholds are lowered so that this takes seconds: evaluation every second, a 10 s window, at least 5 calls,
 * {@code for} 2 s.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "mcp.monitoring.alerts.evaluation-interval=1s",
				"mcp.monitoring.alerts.rules.tool-error-rate.window=10s",
				"mcp.monitoring.alerts.rules.tool-error-rate.min-calls=5",
				"mcp.monitoring.alerts.rules.tool-error-rate.for=2s", "server.shutdown=immediate" })
@DirtiesContext
@Timeout(90)
class AlertsEndToEndTests {

	private static final String ALERT = "McpToolErrorRateHigh";

	private static final String TOOL = "list_categories";

	private static final Duration FIRING_DEADLINE = Duration.ofSeconds(20);

	private static final Duration DELIVERY_DEADLINE = Duration.ofSeconds(10);

	/** The 10 s window has to slide past the last failure. */
	private static final Duration RESOLVING_DEADLINE = Duration.ofSeconds(30);

	private static final Duration POLL = Duration.ofMillis(200);

	private static final ObjectMapper mapper = new ObjectMapper();

	@TempDir
	static Path alertmanagerDirectory;

	private static AlertmanagerServer alertmanager;

	private static TestReceiver webhook;

	/** Read by the backend at each request, so that the test can stop the errors while the sample runs. */
	private static final AtomicReference<DemoFaults> faults = new AtomicReference<>(
			new DemoFaults(Duration.ZERO, 0.5));

	private static DemoKalturaBackend kaltura;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final ScheduledExecutorService traffic = Executors.newSingleThreadScheduledExecutor();

	private final AtomicInteger calls = new AtomicInteger();

	private final AtomicInteger failedCalls = new AtomicInteger();

	private final AtomicInteger unansweredCalls = new AtomicInteger();

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	private McpSyncClient client;

	@BeforeAll
	static void startKalturaAndReceivers() throws Exception {
		kaltura = DemoKalturaBackend.start(faults::get, Clock.systemUTC());
		webhook = TestReceiver.start();
		alertmanager = AlertmanagerServer.start(alertmanagerDirectory);
	}

	@AfterAll
	static void stopKalturaAndReceivers() throws InterruptedException {
		if (webhook != null) {
			webhook.close();
		}
		if (alertmanager != null) {
			alertmanager.close();
		}
		if (kaltura != null) {
			kaltura.close();
		}
	}

	@DynamicPropertySource
	static void kalturaAndAlertReceivers(DynamicPropertyRegistry registry) {
		registry.add("kaltura.service-url", () -> kaltura.serviceUrl().toString());
		registry.add("kaltura.partner-id", () -> kaltura.partnerId());
		registry.add("kaltura.admin-secret", () -> kaltura.adminSecret());
		registry.add("mcp.monitoring.alerts.webhook.url", () -> webhook.uri("/alerts"));
		registry.add("mcp.monitoring.alerts.alertmanager.url", () -> alertmanager.baseUrl());
	}

	@AfterEach
	void stopTraffic() throws InterruptedException {
		this.traffic.shutdownNow();
		this.traffic.awaitTermination(10, TimeUnit.SECONDS);
		if (this.client != null) {
			this.client.closeGracefully();
		}
	}

	@Test
	void errorRateAlertFiresEverywhereAndResolvesWhenTheErrorsStop() throws Exception {
		assertThat(activeGauge()).as("registered at startup, 0 until it fires").contains(0.0);
		startTraffic();

		await("the alert firing on /actuator/prometheus").atMost(FIRING_DEADLINE)
			.pollInterval(POLL)
			.until(() -> activeGauge().orElse(0.0) == 1.0);
		assertThat(this.unansweredCalls.get()).as("calls the MCP client could not make").isZero();
		assertThat(this.calls.get()).isGreaterThanOrEqualTo(5);
		assertThat((double) this.failedCalls.get() / this.calls.get()).as("about half the calls fail")
			.isBetween(0.2, 0.8);
		assertFiringOnHealth();
		assertFiringOnMcpEndpoint();
		JsonNode fired = await("the firing document at the webhook").atMost(DELIVERY_DEADLINE)
			.pollInterval(POLL)
			.until(() -> webhookDocument("firing"), Optional::isPresent)
			.get();
		assertFiredDocument(fired);
		JsonNode alert = await("the alert in Alertmanager").atMost(DELIVERY_DEADLINE)
			.pollInterval(POLL)
			.until(() -> alertmanagerAlert("/api/v2/alerts?active=true"), Optional::isPresent)
			.get();
		assertAlertmanagerAlert(alert);

		faults.set(DemoFaults.none());
		await("the alert resolved on /actuator/prometheus").atMost(RESOLVING_DEADLINE)
			.pollInterval(POLL)
			.until(() -> activeGauge().orElse(1.0) == 0.0);
		JsonNode resolved = await("the resolved document at the webhook").atMost(DELIVERY_DEADLINE)
			.pollInterval(POLL)
			.until(() -> webhookDocument("resolved"), Optional::isPresent)
			.get();
		assertThat(resolved.path("labels").path("gen_ai_tool_name").asText()).isEqualTo(TOOL);
		assertThat(resolved.path("endsAt").asText()).isNotBlank();
		assertThat(resolved.path("runbookUrl").asText()).endsWith(ALERT + ".md");
		await("the alert ended in Alertmanager").atMost(DELIVERY_DEADLINE)
			.pollInterval(POLL)
			.until(() -> alertmanagerAlert("/api/v2/alerts"), Optional::isEmpty);
		assertResolvedOnHealthAndMcpEndpoint();
		PrometheusScrape scrape = PrometheusScrape.fetch(this.managementPort);
		for (String channel : new String[] { "webhook", "alertmanager" }) {
			assertThat(scrape.value("mcp_alerts_notifications_total", Map.of("channel", channel, "outcome", "success")))
				.as("notifications delivered to " + channel)
				.isGreaterThanOrEqualTo(2);
		}
	}

	private void startTraffic() {
		this.client = McpClients.streamable(this.port, Duration.ofSeconds(10));
		this.client.initialize();
		this.traffic.scheduleWithFixedDelay(this::callTool, 0, 50, TimeUnit.MILLISECONDS);
	}

	private void callTool() {
		try {
			CallToolResult result = this.client.callTool(new CallToolRequest(TOOL, Map.of("limit", 5)));
			this.calls.incrementAndGet();
			if (Boolean.TRUE.equals(result.isError())) {
				this.failedCalls.incrementAndGet();
			}
		}
		catch (RuntimeException ex) {
			// Keeps the traffic going: a call the client could not make shows as missing calls, not a dead driver.
			this.unansweredCalls.incrementAndGet();
		}
	}

	private void assertFiringOnHealth() throws Exception {
		JsonNode alerts = get("/actuator/health").path("components").path("alerts");
		assertThat(alerts.path("status").asText()).as("shows the trouble, never DOWN").isEqualTo("WARNING");
		JsonNode firing = find(alerts.path("details").path("firing"), ALERT)
			.orElseThrow(() -> new AssertionError(ALERT + " not firing on /actuator/health: " + alerts));
		assertThat(firing.path("severity").asText()).isEqualTo("error");
		assertThat(firing.path("labels").path("gen_ai_tool_name").asText()).isEqualTo(TOOL);
		assertThat(firing.path("since").asText()).isNotBlank();
		assertThat(firing.path("summary").asText()).startsWith("Tool " + TOOL + " fails");
	}

	private void assertFiringOnMcpEndpoint() throws Exception {
		JsonNode summary = get("/actuator/mcp");
		JsonNode firing = find(summary.path("alerts").path("firing"), ALERT)
			.orElseThrow(() -> new AssertionError(ALERT + " not firing on /actuator/mcp: " + summary.path("alerts")));
		assertThat(firing.path("state").asText()).isEqualTo("firing");
		assertThat(firing.path("value").asDouble()).isGreaterThan(0.05);
		assertThat(firing.path("runbookUrl").asText()).endsWith(ALERT + ".md");
		assertThat(summary.path("window").asText()).isEqualTo("PT10S");
		assertThat(summary.path("tools").path(TOOL).path("errors").asLong()).isPositive();
		assertThat(summary.path("recentErrors")).isNotEmpty();
	}

	private static void assertFiredDocument(JsonNode fired) {
		assertThat(fired.path("severity").asText()).isEqualTo("error");
		assertThat(fired.path("labels").path("gen_ai_tool_name").asText()).isEqualTo(TOOL);
		assertThat(fired.path("runbookUrl").asText()).endsWith(ALERT + ".md");
		assertThat(fired.path("summary").asText()).startsWith("Tool " + TOOL + " fails");
		assertThat(fired.path("value").asDouble()).isGreaterThan(0.05);
		assertThat(fired.path("startsAt").asText()).isNotBlank();
		assertThat(fired.path("text").asText()).contains(ALERT);
	}

	private static void assertAlertmanagerAlert(JsonNode alert) {
		JsonNode labels = alert.path("labels");
		assertThat(labels.path("severity").asText()).isEqualTo("error");
		assertThat(labels.path("application").asText()).isEqualTo("kaltura-mcp-server");
		assertThat(labels.path("instance").asText()).isNotBlank();
		assertThat(alert.path("annotations").path("runbook_url").asText()).endsWith(ALERT + ".md");
		assertThat(alert.path("annotations").path("summary").asText()).startsWith("Tool " + TOOL + " fails");
		assertThat(alert.path("annotations").path("description").asText()).isNotBlank();
		assertThat(alert.path("status").path("state").asText()).isEqualTo("active");
	}

	private void assertResolvedOnHealthAndMcpEndpoint() throws Exception {
		JsonNode health = get("/actuator/health").path("components").path("alerts").path("details");
		assertThat(find(health.path("firing"), ALERT)).as("firing on /actuator/health").isEmpty();
		JsonNode alerts = get("/actuator/mcp").path("alerts");
		assertThat(find(alerts.path("firing"), ALERT)).as("firing on /actuator/mcp").isEmpty();
		assertThat(alerts.path("transitions")).anySatisfy((transition) -> {
			assertThat(transition.path("name").asText()).isEqualTo(ALERT);
			assertThat(transition.path("from").asText()).isEqualTo("firing");
			assertThat(transition.path("to").asText()).isEqualTo("resolved");
		});
	}

	/** The value of {@code mcp_alerts_active} for the alert, or empty when the scrape does not have it. */
	private Optional<Double> activeGauge() throws IOException, InterruptedException {
		return PrometheusScrape.fetch(this.managementPort)
			.samples("mcp_alerts_active")
			.stream()
			.filter((sample) -> sample.labels().equals(Map.of("alertname", ALERT, "severity", "error")))
			.map(PrometheusScrape.Sample::value)
			.findFirst();
	}

	private static Optional<JsonNode> webhookDocument(String state) {
		return webhook.history()
			.stream()
			.map(TestReceiver.Request::json)
			.filter((document) -> ALERT.equals(document.path("alertName").asText()))
			.filter((document) -> state.equals(document.path("state").asText()))
			.findFirst();
	}

	private static Optional<JsonNode> alertmanagerAlert(String query) throws IOException, InterruptedException {
		return StreamSupport.stream(mapper.readTree(alertmanager.get(query)).spliterator(), false)
			.filter((alert) -> ALERT.equals(alert.path("labels").path("alertname").asText()))
			.filter((alert) -> TOOL.equals(alert.path("labels").path("gen_ai_tool_name").asText()))
			.findFirst();
	}

	private static Optional<JsonNode> find(JsonNode alerts, String name) {
		return StreamSupport.stream(alerts.spliterator(), false)
			.filter((alert) -> name.equals(alert.path("name").asText()))
			.findFirst();
	}

	/** GET an actuator path as JSON, whatever the status: health answers 503 while DOWN. */
	private JsonNode get(String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.managementPort + path))
			.timeout(Duration.ofSeconds(5))
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as("status of " + path).isIn(200, 503);
		return mapper.readTree(response.body());
	}

}
