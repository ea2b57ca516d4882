package io.github.mcpmonitoring.alerts.delivery;

import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.mcpmonitoring.alerts.Alert;
import io.github.mcpmonitoring.alerts.AlertNotification;
import io.github.mcpmonitoring.alerts.AlertSeverity;
import io.github.mcpmonitoring.alerts.AlertState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link LoggingAlertNotifier}.
 */
class LoggingAlertNotifierTests {

	private final Logger logger = (Logger) LoggerFactory.getLogger(LoggingAlertNotifier.class);

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	private final LoggingAlertNotifier notifier = new LoggingAlertNotifier();

	private Level previousLevel;

	@BeforeEach
	void captureLog() {
		this.previousLevel = this.logger.getLevel();
		this.logger.setLevel(Level.INFO);
		this.logger.setAdditive(false);
		this.appender.start();
		this.logger.addAppender(this.appender);
	}

	@AfterEach
	void releaseLog() {
		this.logger.detachAppender(this.appender);
		this.logger.setLevel(this.previousLevel);
		this.logger.setAdditive(true);
	}

	@ParameterizedTest
	@CsvSource({ "INFO, INFO", "WARNING, WARN", "ERROR, ERROR", "CRITICAL, ERROR" })
	void logsFiringAlertAtTheLevelOfItsSeverity(AlertSeverity severity, String level) {
		this.notifier.notify(TestAlerts.notification(TestAlerts.firing(severity, "search_entries")));
		assertThat(this.appender.list).singleElement()
			.satisfies((event) -> assertThat(event.getLevel()).isEqualTo(Level.valueOf(level)));
	}

	@ParameterizedTest
	@EnumSource(AlertSeverity.class)
	void logsResolutionAtInfo(AlertSeverity severity) {
		Alert resolved = TestAlerts.resolved(TestAlerts.firing(severity, "search_entries"), TestAlerts.RESOLVED_AT);
		this.notifier.notify(TestAlerts.notification(resolved));
		assertThat(this.appender.list).singleElement()
			.satisfies((event) -> assertThat(event.getLevel()).isEqualTo(Level.INFO));
	}

	@Test
	void logsOneLineWithNameStateSeverityLabelsValueAndSummary() {
		this.notifier.notify(TestAlerts.notification(TestAlerts.firing()));
		assertThat(messages()).containsExactly("Alert McpToolErrorRateHigh is firing (severity=error,"
				+ " labels={gen_ai_tool_name=search_entries}, value=0.1235):"
				+ " Tool search_entries fails 12% of its calls");
	}

	@Test
	void theLineCarriesTheAlertAsFieldsForStructuredLogging() {
		this.notifier.notify(TestAlerts.notification(TestAlerts.firing()));
		assertThat(this.appender.list).singleElement().satisfies((event) -> {
			Map<String, Object> fields = new java.util.LinkedHashMap<>();
			event.getKeyValuePairs().forEach((pair) -> fields.put(pair.key, pair.value));
			assertThat(fields).containsEntry("mcp.alert.name", "McpToolErrorRateHigh")
				.containsEntry("mcp.alert.state", "firing")
				.containsEntry("mcp.alert.severity", "error")
				.containsEntry("mcp.alert.repeat", false)
				.containsEntry("mcp.alert.label.gen_ai_tool_name", "search_entries")
				.containsKey("mcp.alert.rule")
				.containsKey("mcp.alert.value");
		});
	}

	@Test
	void tellsRepeatsAndResolutionsApart() {
		this.notifier.notify(new AlertNotification(TestAlerts.firing(), true, TestAlerts.SENT_AT));
		this.notifier.notify(TestAlerts.notification(TestAlerts.resolved(TestAlerts.firing(), TestAlerts.RESOLVED_AT)));
		assertThat(messages()).satisfiesExactly(
				(line) -> assertThat(line).startsWith("Alert McpToolErrorRateHigh is still firing (severity=error,"),
				(line) -> assertThat(line).startsWith("Alert McpToolErrorRateHigh is resolved (severity=error,")
					.contains("value=0.01)"));
	}

	@Test
	void keepsAnAlertOnOneLineWithSortedLabels() {
		Alert alert = new Alert("custom", "CustomAlert", AlertSeverity.WARNING, AlertState.FIRING,
				Map.of("b", "2", "a", "1\nforged line"), 3.0, "first\r\nsecond", null, null, TestAlerts.ACTIVE_SINCE,
				TestAlerts.FIRING_SINCE, null);
		this.notifier.notify(TestAlerts.notification(alert));
		assertThat(messages()).containsExactly("Alert CustomAlert is firing (severity=warning,"
				+ " labels={a=1 forged line, b=2}, value=3): first  second");
	}

	@Test
	void neverThrows() {
		Alert broken = new Alert("custom", "Broken", AlertSeverity.ERROR, AlertState.FIRING, null, Double.NaN, null,
				null, null, null, null, null);
		assertThatNoException().isThrownBy(() -> this.notifier.notify(TestAlerts.notification(broken)));
		assertThat(messages()).containsExactly("Alert Broken is firing (severity=error, labels={}, value=NaN)");
	}

	@Test
	void usesTheLogChannel() {
		assertThat(this.notifier.channel()).isEqualTo("log");
	}

	private List<String> messages() {
		return this.appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
	}

}
