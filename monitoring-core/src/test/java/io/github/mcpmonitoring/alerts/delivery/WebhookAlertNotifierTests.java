package io.github.mcpmonitoring.alerts.delivery;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.mcpmonitoring.alerts.Alert;
import io.github.mcpmonitoring.testing.MutableClock;
import io.github.mcpmonitoring.testing.TestReceiver;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link WebhookAlertNotifier}, against a real HTTP receiver on loopback.
 */
@ExtendWith(OutputCaptureExtension.class)
class WebhookAlertNotifierTests {

	private static final String SECRET = "Bearer s3cr3t-t0ken";

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final MeterRegistry registry = new SimpleMeterRegistry();

	private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T12:00:00Z"));

	private final List<WebhookAlertNotifier> notifiers = new ArrayList<>();

	private TestReceiver receiver;

	@BeforeEach
	void startReceiver() throws IOException {
		this.receiver = TestReceiver.start();
	}

	@AfterEach
	void stop() {
		this.notifiers.forEach(WebhookAlertNotifier::close);
		this.receiver.close();
	}

	@Test
	void postsFiringAlertAsJsonDocumentWithConfiguredHeaders() throws Exception {
		notifier(DeliveryOptions.defaults()).notify(TestAlerts.notification(TestAlerts.firing()));
		TestReceiver.Request request = this.receiver.take();
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.path()).isEqualTo("/hooks/alerts");
		assertThat(request.headers()).containsEntry("Content-Type", "application/json")
			.containsEntry("Authorization", SECRET);
		JsonNode json = request.json();
		assertThat(fieldNames(json)).containsExactly("alertName", "severity", "state", "repeat", "labels", "value",
				"summary", "description", "runbookUrl", "startsAt", "sentAt", "text");
		assertThat(json.get("alertName").asText()).isEqualTo("McpToolErrorRateHigh");
		assertThat(json.get("severity").asText()).isEqualTo("error");
		assertThat(json.get("state").asText()).isEqualTo("firing");
		assertThat(json.get("repeat").asBoolean()).isFalse();
		assertThat(json.get("labels").properties()).hasSize(1);
		assertThat(json.get("labels").get("gen_ai_tool_name").asText()).isEqualTo("search_entries");
		assertThat(json.get("value").asDouble()).isEqualTo(0.123456);
		assertThat(json.get("summary").asText()).isEqualTo("Tool search_entries fails 12% of its calls");
		assertThat(json.get("description").asText()).startsWith("More than 5%");
		assertThat(json.get("runbookUrl").asText()).isEqualTo(TestAlerts.RUNBOOK);
		assertThat(json.get("startsAt").asText()).isEqualTo("2025-01-01T10:02:00Z");
		assertThat(json.get("sentAt").asText()).isEqualTo(TestAlerts.SENT_AT.toString());
		assertThat(json.get("text").asText()).isEqualTo("[FIRING] McpToolErrorRateHigh (error)"
				+ " gen_ai_tool_name=search_entries: Tool search_entries fails 12% of its calls");
	}

	@Test
	void postsResolutionWithEndsAt() throws Exception {
		Alert resolved = TestAlerts.resolved(TestAlerts.firing(), TestAlerts.RESOLVED_AT);
		notifier(DeliveryOptions.defaults()).notify(TestAlerts.notification(resolved));
		JsonNode json = this.receiver.take().json();
		assertThat(json.get("state").asText()).isEqualTo("resolved");
		assertThat(json.get("startsAt").asText()).isEqualTo("2025-01-01T10:02:00Z");
		assertThat(json.get("endsAt").asText()).isEqualTo("2025-01-01T10:12:00Z");
		assertThat(json.get("text").asText()).startsWith("[RESOLVED] McpToolErrorRateHigh (error) ");
	}

	@Test
	void retriesServerErrorsWithBackoffUntilSuccess() {
		this.receiver.respondWith(500, 503, 200);
		notifier(DeliveryOptions.defaults().withRetries(3, Duration.ofMillis(50)))
			.notify(TestAlerts.notification(TestAlerts.firing()));
		await().atMost(WAIT).untilAsserted(() -> assertThat(count("success")).isEqualTo(1));
		assertThat(this.receiver.received()).isEqualTo(3);
		assertThat(count("failure")).isZero();
	}

	@Test
	void givesUpAfterMaxAttempts() {
		this.receiver.respondWith(500);
		notifier(DeliveryOptions.defaults().withRetries(3, Duration.ofMillis(10)))
			.notify(TestAlerts.notification(TestAlerts.firing()));
		await().atMost(WAIT).untilAsserted(() -> assertThat(count("failure")).isEqualTo(1));
		assertThat(this.receiver.received()).isEqualTo(3);
		assertThat(count("success")).isZero();
	}

	@ParameterizedTest
	@ValueSource(ints = { 408, 429, 502 })
	void retriesStatusesThatMayPass(int status) {
		this.receiver.respondWith(status, 204);
		notifier(DeliveryOptions.defaults().withRetries(2, Duration.ofMillis(10)))
			.notify(TestAlerts.notification(TestAlerts.firing()));
		await().atMost(WAIT).untilAsserted(() -> assertThat(count("success")).isEqualTo(1));
		assertThat(this.receiver.received()).isEqualTo(2);
	}

	@ParameterizedTest
	@ValueSource(ints = { 400, 401, 404, 413 })
	void doesNotRetryClientErrors(int status) {
		this.receiver.respondWith(status, 200);
		notifier(DeliveryOptions.defaults().withRetries(3, Duration.ofMillis(10)))
			.notify(TestAlerts.notification(TestAlerts.firing()));
		await().atMost(WAIT).untilAsserted(() -> assertThat(count("failure")).isEqualTo(1));
		assertThat(this.receiver.received()).isEqualTo(1);
		assertThat(count("success")).isZero();
	}

	@Test
	void receiverThatNeverAnswersCostsACountedFailureBoundedByTheTimeout() throws InterruptedException {
		this.receiver.hold();
		Duration requestTimeout = Duration.ofSeconds(2);
		WebhookAlertNotifier notifier = notifier(DeliveryOptions.defaults()
			.withTimeouts(Duration.ofSeconds(1), requestTimeout)
			.withRetries(1, Duration.ZERO));
		long start = System.nanoTime();
		notifier.notify(TestAlerts.notification(TestAlerts.firing()));
		Duration notifyTook = Duration.ofNanos(System.nanoTime() - start);
		assertThat(notifyTook).isLessThan(Duration.ofMillis(500));
		this.receiver.take();
		await().atMost(WAIT).untilAsserted(() -> assertThat(count("failure")).isEqualTo(1));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(requestTimeout);
		assertThat(count("success")).isZero();
	}

	@Test
	void receiverThatNeverEndsItsBodyCostsACountedFailureAndLaterAlertsStillGoOut(CapturedOutput output)
			throws IOException {
		try (EndlessBodyReceiver endless = EndlessBodyReceiver.start()) {
			Duration requestTimeout = Duration.ofMillis(500);
			WebhookAlertNotifier notifier = new WebhookAlertNotifier(endless.uri("/hooks/alerts"),
					Map.of("Authorization", SECRET), DeliveryOptions.defaults()
						.withTimeouts(Duration.ofSeconds(1), requestTimeout)
						.withRetries(2, Duration.ofMillis(10)),
					this.registry, this.clock);
			this.notifiers.add(notifier);
			long start = System.nanoTime();
			notifier.notify(TestAlerts.notification(TestAlerts.firing()));
			await().atMost(WAIT).untilAsserted(() -> assertThat(count("failure")).isEqualTo(1));
			Duration took = Duration.ofNanos(System.nanoTime() - start);
			assertThat(took).isGreaterThanOrEqualTo(requestTimeout.multipliedBy(2)).isLessThan(Duration.ofSeconds(5));
			assertThat(endless.hanging()).as("attempts, retried like an I/O error").isEqualTo(2);
			await().atMost(WAIT)
				.untilAsserted(() -> assertThat(endless.closedByClient()).as("abandoned connections closed")
					.isEqualTo(2));
			assertThat(output).contains("'webhook': TimeoutException after 2 attempts").doesNotContain("s3cr3t");
			endless.answerNormally();
			notifier.notify(TestAlerts.notification(TestAlerts.firing()));
			await().atMost(WAIT).untilAsserted(() -> assertThat(count("success")).isEqualTo(1));
			assertThat(endless.answered()).isEqualTo(1);
			assertThat(count("failure")).isEqualTo(1);
		}
	}

	@Test
	void fullQueueDropsTheOldestNotificationsAndCountsThem() throws Exception {
		this.receiver.hold();
		WebhookAlertNotifier notifier = notifier(DeliveryOptions.defaults().withQueueCapacity(2));
		notifier.notify(TestAlerts.withValue(1));
		this.receiver.take();
		for (int value = 2; value <= 6; value++) {
			notifier.notify(TestAlerts.withValue(value));
		}
		assertThat(count("dropped")).isEqualTo(3);
		this.receiver.release();
		await().atMost(WAIT).untilAsserted(() -> assertThat(count("success")).isEqualTo(3));
		assertThat(this.receiver.take().json().get("value").asInt()).isEqualTo(5);
		assertThat(this.receiver.take().json().get("value").asInt()).isEqualTo(6);
		assertThat(count("failure")).isZero();
	}

	@Test
	void logsFailuresAtWarnAtMostOncePerMinuteWithoutSecrets(CapturedOutput output) {
		this.receiver.respondWith(500);
		WebhookAlertNotifier notifier = notifier(DeliveryOptions.defaults().withRetries(1, Duration.ZERO));
		for (int i = 0; i < 3; i++) {
			notifier.notify(TestAlerts.notification(TestAlerts.firing()));
		}
		await().atMost(WAIT).untilAsserted(() -> assertThat(count("failure")).isEqualTo(3));
		assertThat(warnings(output)).singleElement()
			.satisfies((line) -> assertThat(line).startsWith("WARN ")
				.endsWith(" - Failed to deliver an alert notification through channel 'webhook': HTTP 500 after 1"
						+ " attempt; further failures within a minute are logged at DEBUG"));
		this.clock.add(Duration.ofSeconds(61));
		notifier.notify(TestAlerts.notification(TestAlerts.firing()));
		await().atMost(WAIT).untilAsserted(() -> assertThat(count("failure")).isEqualTo(4));
		assertThat(warnings(output)).hasSize(2);
		assertThat(output).doesNotContain("s3cr3t").doesNotContain("/hooks/alerts");
	}

	@Test
	void logsDropsAtWarnAtMostOncePerMinuteWithoutSecrets(CapturedOutput output) throws Exception {
		this.receiver.hold();
		WebhookAlertNotifier notifier = notifier(DeliveryOptions.defaults().withQueueCapacity(2));
		notifier.notify(TestAlerts.withValue(1));
		this.receiver.take();
		for (int value = 2; value <= 6; value++) {
			notifier.notify(TestAlerts.withValue(value));
		}
		assertThat(count("dropped")).isEqualTo(3);
		assertThat(drops(output)).singleElement()
			.satisfies((line) -> assertThat(line).startsWith("WARN ")
				.endsWith(" - Dropped an alert notification of channel 'webhook': its delivery queue of 2 is full;"
						+ " further drops within a minute are logged at DEBUG"));
		this.clock.add(Duration.ofSeconds(61));
		notifier.notify(TestAlerts.withValue(7));
		assertThat(count("dropped")).isEqualTo(4);
		assertThat(drops(output)).hasSize(2);
		assertThat(output).doesNotContain("s3cr3t").doesNotContain("/hooks/alerts");
	}

	@Test
	void registersOutcomeCountersUpFront() {
		notifier(DeliveryOptions.defaults());
		assertThat(this.registry.get(DeliveryMetrics.NOTIFICATIONS).tag("channel", "webhook").counters())
			.extracting((counter) -> counter.getId().getTag("outcome"))
			.containsExactlyInAnyOrder("success", "failure", "dropped");
		assertThat(this.registry.get(DeliveryMetrics.NOTIFICATIONS).counter().getId().getDescription()).isNotBlank();
		assertThat(count("success") + count("failure") + count("dropped")).isZero();
	}

	@Test
	void deliversFromOneNamedDaemonThreadThatCloseStops() {
		List<Thread> before = deliveryThreads();
		WebhookAlertNotifier notifier = notifier(DeliveryOptions.defaults());
		assertThat(deliveryThreads()).isEqualTo(before);
		notifier.notify(TestAlerts.notification(TestAlerts.firing()));
		notifier.notify(TestAlerts.notification(TestAlerts.firing()));
		await().atMost(WAIT).untilAsserted(() -> assertThat(count("success")).isEqualTo(2));
		List<Thread> started = new ArrayList<>(deliveryThreads());
		started.removeAll(before);
		assertThat(started).singleElement().satisfies((thread) -> assertThat(thread.isDaemon()).isTrue());
		notifier.close();
		await().atMost(WAIT).untilAsserted(() -> assertThat(started.get(0).isAlive()).isFalse());
		notifier.notify(TestAlerts.notification(TestAlerts.firing()));
		assertThat(count("dropped")).isEqualTo(1);
	}

	@Test
	void rejectsUrlThatIsNotHttp() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new WebhookAlertNotifier(URI.create("ftp://example.org/x"), Map.of(),
					DeliveryOptions.defaults(), this.registry))
			.withMessageContaining("http or https");
	}

	@Test
	void acceptsNoHeaders() throws Exception {
		WebhookAlertNotifier notifier = new WebhookAlertNotifier(this.receiver.uri("/"), null,
				DeliveryOptions.defaults(), this.registry);
		this.notifiers.add(notifier);
		notifier.notify(TestAlerts.notification(TestAlerts.firing()));
		assertThat(this.receiver.take().headers()).doesNotContainKey("Authorization");
	}

	@Test
	void rejectsInvalidHeaderWithoutQuotingItsValue() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new WebhookAlertNotifier(this.receiver.uri("/"),
					Map.of("Authorization", "Bearer s3cr3t\r\nX-Injected: 1"), DeliveryOptions.defaults(),
					this.registry))
			.withMessage("Alert delivery header 'Authorization' is not allowed or not valid")
			.withNoCause();
	}

	private WebhookAlertNotifier notifier(DeliveryOptions options) {
		WebhookAlertNotifier notifier = new WebhookAlertNotifier(this.receiver.uri("/hooks/alerts"),
				Map.of("Authorization", SECRET), options, this.registry, this.clock);
		this.notifiers.add(notifier);
		return notifier;
	}

	private double count(String outcome) {
		return this.registry.get(DeliveryMetrics.NOTIFICATIONS)
			.tag("channel", "webhook")
			.tag("outcome", outcome)
			.counter()
			.count();
	}

	private static List<String> fieldNames(JsonNode json) {
		List<String> names = new ArrayList<>();
		json.fieldNames().forEachRemaining(names::add);
		return names;
	}

	private static List<String> warnings(CapturedOutput output) {
		return output.getOut().lines().filter((line) -> line.contains("'webhook': HTTP 500 after 1 attempt")).toList();
	}

	private static List<String> drops(CapturedOutput output) {
		return output.getOut().lines().filter((line) -> line.contains("Dropped an alert notification")).toList();
	}

	private static List<Thread> deliveryThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.getName().equals("mcp-alerts-delivery-webhook") && thread.isAlive())
			.toList();
	}

}
