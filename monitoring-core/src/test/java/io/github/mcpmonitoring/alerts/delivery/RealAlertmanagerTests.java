package io.github.mcpmonitoring.alerts.delivery;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mcpmonitoring.alerts.Alert;
import io.github.mcpmonitoring.alerts.AlertSeverity;
import io.github.mcpmonitoring.testing.AlertmanagerServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Delivers alerts to a real Alertmanager (Debian package {@code prometheus-alertmanager}) and checks through its API
 * that they arrive with their labels and annotations and that a resolution ends them. Fails, rather than skips, when
 * the binary is missing: CI installs it.
 */
@Timeout(120)
class RealAlertmanagerTests {

	private static final Duration WAIT = Duration.ofSeconds(15);

	private static final ObjectMapper mapper = new ObjectMapper();

	@TempDir
	static Path directory;

	private static AlertmanagerServer alertmanager;

	private final MeterRegistry registry = new SimpleMeterRegistry();

	private final List<AlertmanagerAlertNotifier> notifiers = new ArrayList<>();

	@BeforeAll
	static void startAlertmanager() throws Exception {
		alertmanager = AlertmanagerServer.start(directory);
	}

	@AfterAll
	static void stopAlertmanager() throws InterruptedException {
		if (alertmanager != null) {
			alertmanager.close();
		}
	}

	@AfterEach
	void closeNotifiers() {
		this.notifiers.forEach(AlertmanagerAlertNotifier::close);
	}

	@Test
	void firingAlertArrivesWithItsLabelsAndAnnotations() {
		notifier().notify(TestAlerts.notification(firingNow("search_entries")));
		JsonNode alert = await().atMost(WAIT).until(() -> activeAlert("search_entries"), Optional::isPresent).get();
		assertThat(alert.get("labels").get("alertname").asText()).isEqualTo("McpToolErrorRateHigh");
		assertThat(alert.get("labels").get("severity").asText()).isEqualTo("error");
		assertThat(alert.get("labels").get("application").asText()).isEqualTo("kaltura-mcp");
		assertThat(alert.get("labels").get("instance").asText()).isEqualTo("10.0.0.7:8080");
		assertThat(alert.get("labels").get("gen_ai_tool_name").asText()).isEqualTo("search_entries");
		assertThat(alert.get("annotations").get("summary").asText())
			.isEqualTo("Tool search_entries fails 12% of its calls");
		assertThat(alert.get("annotations").get("description").asText()).startsWith("More than 5%");
		assertThat(alert.get("annotations").get("runbook_url").asText()).isEqualTo(TestAlerts.RUNBOOK);
		assertThat(alert.get("generatorURL").asText()).isEqualTo("http://mcp-host:8080/actuator/mcp");
		assertThat(alert.get("status").get("state").asText()).isEqualTo("active");
		assertThat(Instant.parse(alert.get("endsAt").asText())).isAfter(Instant.now().plus(Duration.ofMinutes(3)));
		assertThat(successes()).isEqualTo(1);
	}

	@Test
	void resolutionEndsTheAlert() throws Exception {
		AlertmanagerAlertNotifier notifier = notifier();
		Alert firing = firingNow("list_media");
		notifier.notify(TestAlerts.notification(firing));
		await().atMost(WAIT).until(() -> activeAlert("list_media"), Optional::isPresent);
		notifier.notify(TestAlerts.notification(TestAlerts.resolved(firing, Instant.now())));
		await().atMost(WAIT).until(() -> alert("/api/v2/alerts", "list_media"), Optional::isEmpty);
		assertThat(alert("/api/v2/alerts?active=true", "list_media")).isEmpty();
		assertThat(successes()).isEqualTo(2);
	}

	private AlertmanagerAlertNotifier notifier() {
		AlertmanagerAlertNotifier notifier = new AlertmanagerAlertNotifier(alertmanager.baseUrl(), "kaltura-mcp",
				"10.0.0.7:8080", URI.create("http://mcp-host:8080/actuator/mcp"), Duration.ofMinutes(1),
				DeliveryOptions.defaults(), this.registry);
		this.notifiers.add(notifier);
		return notifier;
	}

	private static Alert firingNow(String tool) {
		Alert alert = TestAlerts.firing(AlertSeverity.ERROR, tool);
		Instant firingSince = Instant.now().minus(Duration.ofMinutes(3));
		return new Alert(alert.ruleId(), alert.name(), alert.severity(), alert.state(), alert.labels(), alert.value(),
				alert.summary(), alert.description(), alert.runbookUrl(), firingSince.minus(Duration.ofMinutes(2)),
				firingSince, null);
	}

	private static Optional<JsonNode> activeAlert(String tool) throws Exception {
		return alert("/api/v2/alerts?active=true", tool);
	}

	private static Optional<JsonNode> alert(String query, String tool) throws Exception {
		for (JsonNode alert : mapper.readTree(alertmanager.get(query))) {
			if (tool.equals(alert.get("labels").path("gen_ai_tool_name").asText())) {
				return Optional.of(alert);
			}
		}
		return Optional.empty();
	}

	private double successes() {
		return this.registry.get(DeliveryMetrics.NOTIFICATIONS)
			.tag("channel", "alertmanager")
			.tag("outcome", "success")
			.counter()
			.count();
	}

}
