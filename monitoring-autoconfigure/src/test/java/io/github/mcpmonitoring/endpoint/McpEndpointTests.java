package io.github.mcpmonitoring.endpoint;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.mcpmonitoring.alerts.AlertEvaluator;
import io.github.mcpmonitoring.alerts.AlertSeverity;
import io.github.mcpmonitoring.alerts.TestRule;
import io.github.mcpmonitoring.alerts.rules.RuleHarness;
import io.github.mcpmonitoring.core.ErrorTypes;
import io.github.mcpmonitoring.core.InFlightCall;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import static io.github.mcpmonitoring.alerts.TestRule.candidate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/**
 * Tests for {@link McpEndpoint}, on the starter's real meters, meter history, recent errors and evaluator.
 */
class McpEndpointTests {

	private static final Duration WINDOW = Duration.ofMinutes(5);

	private final RuleHarness harness = new RuleHarness();

	private final TestRule firing = new TestRule("firing", "FiringAlert", Duration.ZERO, AlertSeverity.ERROR);

	private final TestRule pending = new TestRule("pending", "PendingAlert", Duration.ofMinutes(5),
			AlertSeverity.WARNING);

	private final AlertEvaluator evaluator = this.harness.evaluator(this.firing, this.pending);

	private final McpEndpoint endpoint = new McpEndpoint(this.harness.registry(), this.harness.history(),
			this.harness.apis(), this.harness.recentErrors(), this.evaluator, WINDOW);

	@Test
	void hasTheWindowToolsApisRecentErrorsAndAlerts() {
		this.evaluator.evaluate();
		assertThat(this.endpoint.summary()).containsOnlyKeys("window", "tools", "apis", "recentErrors", "alerts")
			.containsEntry("window", "PT5M");
	}

	@Test
	void summarisesEachToolOverTheWindow() {
		this.harness.toolCalls("list_media", 5, ErrorTypes.NONE);
		this.evaluator.evaluate();
		this.harness.advance(Duration.ofSeconds(15));
		for (int i = 0; i < 6; i++) {
			this.harness.toolCall("list_media", Duration.ofMillis(150), ErrorTypes.NONE);
		}
		this.harness.toolCall("list_media", Duration.ofSeconds(3), "KalturaApiException");
		this.harness.toolCall("list_media", Duration.ofSeconds(3), ErrorTypes.TOOL_ERROR);
		InFlightCall inFlight = this.harness.tools().recorder("list_media").start();
		this.harness.inFlightCalls().sample();
		this.harness.tools().recorder("get_session_info");
		this.evaluator.evaluate();
		Map<String, Object> tools = section("tools");
		assertThat(tools).containsOnlyKeys("list_media", "get_session_info");
		Map<String, Object> listMedia = entry(tools, "list_media");
		assertThat(listMedia).containsEntry("calls", 8L)
			.containsEntry("errors", 2L)
			.containsEntry("errorRatio", 0.25)
			.containsEntry("inFlight", 1);
		// 6 calls in (0.1 s, 0.2 s], 2 in (2 s, 5 s]: rank 4 of 8 and rank 7.6 of 8.
		assertThat((Double) listMedia.get("p50Seconds")).isCloseTo(0.1 + 0.1 * 4 / 6, offset(1e-12));
		assertThat((Double) listMedia.get("p95Seconds")).isCloseTo(2 + 3 * 1.6 / 2, offset(1e-12));
		assertThat(listMedia.get("lastError")).asInstanceOf(InstanceOfAssertFactories.MAP)
			.containsEntry("kind", "tool")
			.containsEntry("name", "list_media")
			.containsEntry("errorType", "tool_error")
			.containsEntry("message", "tool_error in list_media")
			.containsEntry("time", this.harness.clock().instant().toString());
		assertThat(entry(tools, "get_session_info")).containsEntry("calls", 0L)
			.containsEntry("errors", 0L)
			.containsEntry("errorRatio", 0.0)
			.containsEntry("p50Seconds", null)
			.containsEntry("p95Seconds", null)
			.containsEntry("inFlight", 0)
			.containsEntry("lastError", null);
		inFlight.end();
	}

	@Test
	void summarisesEachApiWithItsFailuresInARow() {
		this.evaluator.evaluate();
		this.harness.advance(Duration.ofSeconds(15));
		this.harness.apiCall("kaltura.media.list", null);
		this.harness.apiCall("kaltura.media.list", new IllegalStateException("INTERNAL_SERVER_ERROR"));
		this.harness.apiCall("kaltura.media.list", new IllegalStateException("SERVICE_FORBIDDEN"));
		this.evaluator.evaluate();
		Map<String, Object> api = entry(section("apis"), "kaltura.media.list");
		assertThat(api).containsEntry("calls", 3L)
			.containsEntry("errors", 2L)
			.containsEntry("consecutiveFailures", 2)
			.containsKeys("p50Seconds", "p95Seconds")
			.doesNotContainKey("inFlight");
		assertThat((Double) api.get("errorRatio")).isCloseTo(2.0 / 3, offset(1e-12));
		assertThat(api.get("lastError")).asInstanceOf(InstanceOfAssertFactories.MAP)
			.containsEntry("kind", "api")
			.containsEntry("errorType", "IllegalStateException")
			.containsEntry("message", "SERVICE_FORBIDDEN");
	}

	@Test
	void listsTheLastTwentyErrorsMostRecentFirst() {
		for (int i = 0; i < 25; i++) {
			this.harness.apiCall("kaltura.media.get", new IllegalStateException("failure " + i));
			this.harness.advance(Duration.ofSeconds(1));
		}
		this.evaluator.evaluate();
		List<Map<String, Object>> recentErrors = list(this.endpoint.summary().get("recentErrors"));
		assertThat(recentErrors).hasSize(20);
		assertThat(recentErrors.get(0)).containsEntry("message", "failure 24")
			.containsEntry("kind", "api")
			.containsEntry("name", "kaltura.media.get")
			.containsEntry("errorType", "IllegalStateException")
			.containsKey("time");
		assertThat(recentErrors.get(19)).containsEntry("message", "failure 5");
	}

	@Test
	void listsAlertsFiringPendingAndTheirLatestTransitions() {
		Instant start = this.harness.clock().instant();
		this.firing.holds(candidate(AlertSeverity.ERROR, 0.3, "gen_ai_tool_name", "search_entries"));
		this.pending.holds(candidate(AlertSeverity.WARNING, 0.85));
		this.evaluator.evaluate();
		Map<String, Object> alerts = section("alerts");
		assertThat(list(alerts.get("firing"))).singleElement()
			.isEqualTo(alert("FiringAlert", "error", "firing", Map.of("gen_ai_tool_name", "search_entries"), 0.3,
					start.toString(), start.toString(), "FiringAlert at 0.3"));
		assertThat(list(alerts.get("pending"))).singleElement()
			.isEqualTo(alert("PendingAlert", "warning", "pending", Map.of(), 0.85, start.toString(), null,
					"PendingAlert at 0.85"));
		List<Map<String, Object>> transitions = list(alerts.get("transitions"));
		assertThat(transitions).extracting((transition) -> transition.get("name"))
			.containsExactly("PendingAlert", "FiringAlert", "FiringAlert");
		assertThat(transitions.get(1)).isEqualTo(Map.of("time", start.toString(), "name", "FiringAlert", "severity",
				"error", "labels", Map.of("gen_ai_tool_name", "search_entries"), "from", "pending", "to", "firing",
				"value", 0.3));
	}

	@Test
	void keepsTheLastFiftyTransitions() {
		for (int i = 0; i < 20; i++) {
			this.firing.holds(candidate(AlertSeverity.ERROR, i));
			this.evaluator.evaluate();
			this.firing.holdsNothing();
			this.harness.advance(Duration.ofSeconds(15));
			this.evaluator.evaluate();
		}
		List<Map<String, Object>> transitions = list(section("alerts").get("transitions"));
		assertThat(transitions).hasSize(50);
		assertThat(transitions.get(0)).containsEntry("from", "firing").containsEntry("to", "resolved")
			.containsEntry("value", 19.0);
	}

	private static Map<String, Object> alert(String name, String severity, String state, Map<String, String> labels,
			double value, String activeSince, String firingSince, String summary) {
		Map<String, Object> alert = new LinkedHashMap<>();
		alert.put("name", name);
		alert.put("severity", severity);
		alert.put("state", state);
		alert.put("labels", labels);
		alert.put("value", value);
		alert.put("activeSince", activeSince);
		alert.put("firingSince", firingSince);
		alert.put("summary", summary);
		alert.put("runbookUrl", "docs/runbooks/" + name + ".md");
		return alert;
	}

	private Map<String, Object> section(String name) {
		return entry(this.endpoint.summary(), name);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> entry(Map<String, Object> map, String key) {
		assertThat(map).containsKey(key);
		return (Map<String, Object>) map.get(key);
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> list(Object value) {
		assertThat(value).isInstanceOf(List.class);
		return (List<Map<String, Object>>) value;
	}

}
