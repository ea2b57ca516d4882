package io.github.mcpmonitoring.alerts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link ApplicationEventAlertNotifier}.
 */
@ExtendWith(OutputCaptureExtension.class)
class ApplicationEventAlertNotifierTests {

	private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

	private final Alert alert = new Alert("test", "TestAlert", AlertSeverity.ERROR, AlertState.FIRING,
			Map.of("api", "a"), 1, "summary", "description", null, NOW, NOW, null);

	private final AlertNotification notification = new AlertNotification(this.alert, false, NOW);

	@Test
	void publishesEachNotificationAsAnEvent() {
		List<Object> events = new ArrayList<>();
		ApplicationEventAlertNotifier notifier = new ApplicationEventAlertNotifier(events::add);
		notifier.notify(this.notification);
		assertThat(notifier.channel()).isEqualTo("event");
		assertThat(events).singleElement().isInstanceOfSatisfying(McpAlertEvent.class, (event) -> {
			assertThat(event.getNotification()).isSameAs(this.notification);
			assertThat(event.getAlert()).isSameAs(this.alert);
			assertThat(event.getSource()).isSameAs(notifier);
		});
	}

	@Test
	void listenerThatThrowsIsLoggedOnceAtWarnUntilAnEventIsPublishedAgainAndNeverReachesTheCaller(
			CapturedOutput output) {
		AtomicBoolean broken = new AtomicBoolean(true);
		ApplicationEventAlertNotifier notifier = new ApplicationEventAlertNotifier((event) -> {
			if (broken.get()) {
				throw new IllegalStateException("listener broken");
			}
		});
		for (int i = 0; i < 3; i++) {
			assertThatNoException().isThrownBy(() -> notifier.notify(this.notification));
		}
		assertThat(warnings(output)).singleElement()
			.satisfies((line) -> assertThat(line).endsWith(" - Failed to publish the McpAlertEvent of alert"
					+ " 'TestAlert'; the alert's other channels are not affected and further failures are logged at"
					+ " DEBUG until an event is published again"));
		assertThat(output).contains("java.lang.IllegalStateException: listener broken");
		broken.set(false);
		notifier.notify(this.notification);
		broken.set(true);
		notifier.notify(this.notification);
		assertThat(warnings(output)).hasSize(2);
	}

	private static List<String> warnings(CapturedOutput output) {
		return output.getOut()
			.lines()
			.filter((line) -> line.startsWith("WARN") && line.contains("Failed to publish the McpAlertEvent"))
			.toList();
	}

}
