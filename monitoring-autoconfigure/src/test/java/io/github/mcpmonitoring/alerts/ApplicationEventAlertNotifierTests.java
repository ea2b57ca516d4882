package io.github.mcpmonitoring.alerts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ApplicationEventAlertNotifier}.
 */
class ApplicationEventAlertNotifierTests {

	@Test
	void publishesEachNotificationAsAnEvent() {
		List<Object> events = new ArrayList<>();
		ApplicationEventAlertNotifier notifier = new ApplicationEventAlertNotifier(events::add);
		Instant now = Instant.parse("2025-03-01T12:00:00Z");
		Alert alert = new Alert("test", "TestAlert", AlertSeverity.ERROR, AlertState.FIRING, Map.of("api", "a"), 1,
				"summary", "description", null, now, now, null);
		AlertNotification notification = new AlertNotification(alert, false, now);
		notifier.notify(notification);
		assertThat(notifier.channel()).isEqualTo("event");
		assertThat(events).singleElement().isInstanceOfSatisfying(McpAlertEvent.class, (event) -> {
			assertThat(event.getNotification()).isSameAs(notification);
			assertThat(event.getAlert()).isSameAs(alert);
			assertThat(event.getSource()).isSameAs(notifier);
		});
	}

}
