package io.github.mcpmonitoring.alerts.delivery;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.mcpmonitoring.alerts.Alert;
import io.github.mcpmonitoring.alerts.AlertSeverity;
import io.github.mcpmonitoring.alerts.AlertState;
import io.github.mcpmonitoring.testing.TestReceiver;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link AlertmanagerAlertNotifier} against a recording HTTP receiver; {@link RealAlertmanagerTests} runs
 * it against a real Alertmanager.
 */
class AlertmanagerAlertNotifierTests {

	private static final URI GENERATOR = URI.create("http://mcp-host:8080/actuator/mcp");

	private final MeterRegistry registry = new SimpleMeterRegistry();

	private final List<AlertmanagerAlertNotifier> notifiers = new ArrayList<>();

	private TestReceiver receiver;

	@BeforeEach
	void startReceiver() throws IOException {
		this.receiver = TestReceiver.start();
	}

	@AfterEach
	void stop() {
		this.notifiers.forEach(AlertmanagerAlertNotifier::close);
		this.receiver.close();
	}

	@Test
	void postsFiringAlertWithLabelsAnnotationsAndAnEndSeveralResendIntervalsAhead() throws Exception {
		Duration resendInterval = Duration.ofMinutes(1);
		Instant before = Instant.now();
		notifier("/", resendInterval).notify(TestAlerts.notification(TestAlerts.firing()));
		TestReceiver.Request request = this.receiver.take();
		Instant after = Instant.now();
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.path()).isEqualTo("/api/v2/alerts");
		assertThat(request.headers()).containsEntry("Content-Type", "application/json");
		JsonNode alerts = request.json();
		assertThat(alerts.isArray()).isTrue();
		assertThat(alerts).hasSize(1);
		JsonNode alert = alerts.get(0);
		assertThat(alert.get("labels").toString()).isEqualTo("{\"alertname\":\"McpToolErrorRateHigh\","
				+ "\"severity\":\"error\",\"application\":\"kaltura-mcp\",\"instance\":\"10.0.0.7:8080\","
				+ "\"gen_ai_tool_name\":\"search_entries\"}");
		assertThat(alert.get("annotations").get("summary").asText())
			.isEqualTo("Tool search_entries fails 12% of its calls");
		assertThat(alert.get("annotations").get("description").asText()).startsWith("More than 5%");
		assertThat(alert.get("annotations").get("runbook_url").asText()).isEqualTo(TestAlerts.RUNBOOK);
		assertThat(alert.get("startsAt").asText()).isEqualTo("2025-01-01T10:02:00Z");
		assertThat(Instant.parse(alert.get("endsAt").asText())).isBetween(before.plus(resendInterval.multipliedBy(4)),
				after.plus(resendInterval.multipliedBy(4)));
		assertThat(alert.get("generatorURL").asText()).isEqualTo(GENERATOR.toString());
	}

	@Test
	void postsResolutionEndingAtTheResolutionTime() throws Exception {
		Alert resolved = TestAlerts.resolved(TestAlerts.firing(), TestAlerts.RESOLVED_AT);
		notifier("", Duration.ofMinutes(1)).notify(TestAlerts.notification(resolved));
		JsonNode alert = this.receiver.take().json().get(0);
		assertThat(alert.get("startsAt").asText()).isEqualTo("2025-01-01T10:02:00Z");
		assertThat(alert.get("endsAt").asText()).isEqualTo("2025-01-01T10:12:00Z");
	}

	@Test
	void leavesOutWhatIsNotSet() throws Exception {
		Alert bare = new Alert("memory", "McpMemoryHigh", AlertSeverity.CRITICAL, AlertState.FIRING,
				Map.of(), 0.95, "Memory is 95% used", null, null, TestAlerts.ACTIVE_SINCE,
				TestAlerts.FIRING_SINCE, null);
		AlertmanagerAlertNotifier notifier = new AlertmanagerAlertNotifier(this.receiver.uri(""), null, "", null,
				Duration.ofMinutes(1), DeliveryOptions.defaults(), this.registry);
		this.notifiers.add(notifier);
		notifier.notify(TestAlerts.notification(bare));
		JsonNode alert = this.receiver.take().json().get(0);
		assertThat(alert.get("labels").toString())
			.isEqualTo("{\"alertname\":\"McpMemoryHigh\",\"severity\":\"critical\"}");
		assertThat(alert.get("annotations").toString()).isEqualTo("{\"summary\":\"Memory is 95% used\"}");
		assertThat(alert.has("generatorURL")).isFalse();
	}

	@Test
	void resendsFiringAlertsEveryResendIntervalUntilResolved() throws Exception {
		AlertmanagerAlertNotifier notifier = notifier("", Duration.ofMillis(200));
		Alert firing = TestAlerts.firing();
		notifier.notify(TestAlerts.notification(firing));
		notifier.notify(TestAlerts.notification(TestAlerts.firing(AlertSeverity.WARNING, "list_media")));
		JsonNode resent = awaitRequest((alerts) -> alerts.size() == 2);
		assertThat(tools(resent)).containsExactly("search_entries", "list_media");
		notifier.notify(TestAlerts.notification(TestAlerts.resolved(firing, Instant.now())));
		awaitResolutionOf("search_entries");
		assertThat(tools(this.receiver.take().json())).containsExactly("list_media");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.registry.get(DeliveryMetrics.NOTIFICATIONS)
				.tag("channel", "alertmanager")
				.tag("outcome", "success")
				.counter()
				.count()).isGreaterThanOrEqualTo(5));
	}

	@Test
	void stopsResendingOnceEverythingIsResolved() throws Exception {
		AlertmanagerAlertNotifier notifier = notifier("", Duration.ofMillis(100));
		Alert firing = TestAlerts.firing();
		notifier.notify(TestAlerts.notification(firing));
		notifier.notify(TestAlerts.notification(TestAlerts.resolved(firing, Instant.now())));
		awaitResolutionOf("search_entries");
		assertThat(this.receiver.poll(Duration.ofMillis(500))).isNull();
	}

	@Test
	void ignoresAlertsThatAreNeitherFiringNorResolved() throws Exception {
		Alert firing = TestAlerts.firing();
		Alert pending = new Alert(firing.ruleId(), firing.name(), firing.severity(), AlertState.PENDING,
				firing.labels(), firing.value(), firing.summary(), firing.description(), firing.runbookUrl(),
				firing.activeSince(), null, null);
		notifier("", Duration.ofMillis(100)).notify(TestAlerts.notification(pending));
		assertThat(this.receiver.poll(Duration.ofMillis(400))).isNull();
	}

	@Test
	void exposesItsChannelAndResendInterval() {
		AlertmanagerAlertNotifier notifier = notifier("", Duration.ofSeconds(30));
		assertThat(notifier.channel()).isEqualTo("alertmanager");
		assertThat(notifier.resendInterval()).isEqualTo(Duration.ofSeconds(30));
		assertThat(AlertmanagerAlertNotifier.DEFAULT_RESEND_INTERVAL).isEqualTo(Duration.ofMinutes(1));
		assertThat(this.registry.find(DeliveryMetrics.NOTIFICATIONS).tag("channel", "alertmanager").counters())
			.hasSize(3);
	}

	@Test
	void rejectsResendIntervalThatIsNotPositive() {
		assertThatIllegalArgumentException().isThrownBy(() -> notifier("", Duration.ZERO))
			.withMessage("resendInterval must be positive");
	}

	@Test
	void rejectsMissingUrl() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new AlertmanagerAlertNotifier(null, "app", "host:8080", null, Duration.ofMinutes(1),
					DeliveryOptions.defaults(), this.registry))
			.withMessageContaining("http or https");
	}

	private void awaitResolutionOf(String tool) throws Exception {
		awaitRequest((alerts) -> alerts.size() == 1 && tools(alerts).equals(List.of(tool))
				&& Instant.parse(alerts.get(0).get("endsAt").asText()).isBefore(Instant.now()));
	}

	private JsonNode awaitRequest(Predicate<JsonNode> wanted) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (System.nanoTime() < deadline) {
			JsonNode alerts = this.receiver.take().json();
			if (wanted.test(alerts)) {
				return alerts;
			}
		}
		return fail("The receiver got no such request within 10 s");
	}

	private static List<String> tools(JsonNode alerts) {
		List<String> tools = new ArrayList<>();
		alerts.forEach((alert) -> tools.add(alert.get("labels").get("gen_ai_tool_name").asText()));
		return tools;
	}

	private AlertmanagerAlertNotifier notifier(String basePathEnd, Duration resendInterval) {
		AlertmanagerAlertNotifier notifier = new AlertmanagerAlertNotifier(this.receiver.uri(basePathEnd),
				"kaltura-mcp", "10.0.0.7:8080", GENERATOR, resendInterval, DeliveryOptions.defaults(), this.registry);
		this.notifiers.add(notifier);
		return notifier;
	}

}
