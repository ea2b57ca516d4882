package io.github.mcpmonitoring.summary;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mcpmonitoring.alerts.AlertEvaluator;
import io.github.mcpmonitoring.alerts.AlertSeverity;
import io.github.mcpmonitoring.alerts.TestRule;
import io.github.mcpmonitoring.alerts.rules.RuleHarness;
import io.github.mcpmonitoring.core.ErrorTypes;
import io.github.mcpmonitoring.core.InFlightCall;
import io.github.mcpmonitoring.core.McpMeterNames;
import io.github.mcpmonitoring.summary.McpSummary.AlertDescriptor;
import io.github.mcpmonitoring.summary.McpSummary.AlertsDescriptor;
import io.github.mcpmonitoring.summary.McpSummary.ApiDescriptor;
import io.github.mcpmonitoring.summary.McpSummary.CallFailureDescriptor;
import io.github.mcpmonitoring.summary.McpSummary.McpDescriptor;
import io.github.mcpmonitoring.summary.McpSummary.MethodDescriptor;
import io.github.mcpmonitoring.summary.McpSummary.ToolDescriptor;
import io.github.mcpmonitoring.summary.McpSummary.TotalsDescriptor;
import io.github.mcpmonitoring.summary.McpSummary.TransitionDescriptor;
import org.junit.jupiter.api.Test;

import static io.github.mcpmonitoring.alerts.TestRule.candidate;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link McpSummary}, on the starter's real meters, meter history, recent errors and evaluator.
 */
class McpSummaryTests {

	private static final Duration WINDOW = Duration.ofMinutes(5);

	private final RuleHarness harness = new RuleHarness();

	private final TestRule firing = new TestRule("firing", "FiringAlert", Duration.ZERO, AlertSeverity.ERROR);

	private final TestRule pending = new TestRule("pending", "PendingAlert", Duration.ofMinutes(5),
			AlertSeverity.WARNING);

	private final AlertEvaluator evaluator = this.harness.evaluator(this.firing, this.pending);

	private final McpSummary mcp = new McpSummary(this.harness.registry(), this.harness.apis(),
			this.harness.recentErrors(), this.harness.history(), WINDOW, this.evaluator);

	/** Without the alert evaluator, and so without the meter history it captures. */
	private final McpSummary mcpWithoutAlerts = new McpSummary(this.harness.registry(), this.harness.apis(),
			this.harness.recentErrors(), null, null, null);

	/** As the actuator writes endpoint answers: null fields left out. */
	private final ObjectMapper json = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);

	@Test
	void hasTheWindowToolsApisRecentErrorsAndAlerts() {
		this.evaluator.evaluate();
		JsonNode summary = this.json.valueToTree(this.mcp.summary());
		assertThat(summary.fieldNames()).toIterable()
			.containsExactly("window", "tools", "methods", "apis", "recentErrors", "alerts");
		assertThat(summary.path("window").asText()).isEqualTo("PT5M");
		assertThat(summary.path("alerts").fieldNames()).toIterable()
			.containsExactly("firing", "pending", "transitions");
	}

	@Test
	void summarisesEachToolOverTheWindow() {
		this.harness.toolCalls("list_media", 5, ErrorTypes.NONE);
		// Five minutes later, those five calls are out of the window.
		for (int i = 0; i < 21; i++) {
			this.evaluator.evaluate();
			this.harness.advance(RuleHarness.EVALUATION_INTERVAL);
		}
		for (int i = 0; i < 6; i++) {
			this.harness.toolCall("list_media", Duration.ofMillis(150), ErrorTypes.NONE);
		}
		this.harness.toolCall("list_media", Duration.ofSeconds(3), "KalturaApiException");
		this.harness.toolCall("list_media", Duration.ofSeconds(3), ErrorTypes.TOOL_ERROR);
		InFlightCall inFlight = this.harness.tools().recorder("list_media").start();
		this.harness.inFlightCalls().sample();
		this.harness.tools().recorder("get_session_info");
		this.evaluator.evaluate();
		Map<String, ToolDescriptor> tools = this.mcp.summary().tools();
		assertThat(tools).containsOnlyKeys("list_media", "get_session_info");
		ToolDescriptor listMedia = tools.get("list_media");
		assertThat(listMedia.calls()).isEqualTo(8);
		assertThat(listMedia.errors()).isEqualTo(2);
		assertThat(listMedia.errorRatio()).isEqualTo(0.25);
		assertThat(listMedia.inFlight()).isEqualTo(1);
		// 6 calls in (0.1 s, 0.2 s], 2 in (2 s, 5 s]: rank 4 of 8 and rank 7.6 of 8, in whole milliseconds.
		assertThat(listMedia.p50Ms()).isEqualTo(Math.round(1000 * (0.1 + 0.1 * 4 / 6)));
		assertThat(listMedia.p95Ms()).isEqualTo(Math.round(1000 * (2 + 3 * 1.6 / 2)));
		assertThat(listMedia.sinceStart()).isEqualTo(new TotalsDescriptor(13, 2, 0));
		assertThat(listMedia.lastError()).isEqualTo(new CallFailureDescriptor(
				this.harness.clock().instant().toString(), "tool", "list_media", "tool_error", false,
				"tool_error in list_media"));
		assertThat(tools.get("get_session_info")).isEqualTo(new ToolDescriptor(0, 0, 0, 0.0, null, null, null, 0,
				new TotalsDescriptor(0, 0, 0)));
		inFlight.end();
	}

	@Test
	void countsCallsMadeAMomentBeforeTheRequest() {
		this.evaluator.evaluate();
		this.harness.advance(Duration.ofSeconds(1));
		this.harness.toolCalls("list_media", 3, ErrorTypes.NONE);
		this.harness.apiCall("kaltura.media.list", new IllegalStateException("SERVICE_FORBIDDEN"));
		McpDescriptor summary = this.mcp.summary();
		assertThat(summary.tools().get("list_media").calls()).isEqualTo(3);
		assertThat(summary.apis().get("kaltura.media.list").errors()).isEqualTo(1);
	}

	@Test
	void leavesTheAlertRulesWindowsAsTheEvaluatorLeftThem() {
		this.evaluator.evaluate();
		this.harness.advance(Duration.ofSeconds(15));
		this.harness.toolCalls("list_media", 2, ErrorTypes.NONE);
		this.evaluator.evaluate();
		this.harness.advance(Duration.ofSeconds(5));
		this.harness.toolCalls("list_media", 3, ErrorTypes.NONE);
		assertThat(this.mcp.summary().tools().get("list_media").calls()).isEqualTo(5);
		// Read by the rules: still the window up to the last evaluation.
		assertThat(this.harness.history().toolWindows(WINDOW).get("list_media").calls()).isEqualTo(2);
	}

	@Test
	void keepsTheCountsSinceStartBesideTheWindow() {
		this.harness.toolCalls("list_media", 4, ErrorTypes.NONE);
		this.harness.toolCall("list_media", Duration.ofSeconds(3), ErrorTypes.TOOL_ERROR);
		this.evaluator.evaluate();
		for (int i = 0; i < 22; i++) {
			this.harness.advance(RuleHarness.EVALUATION_INTERVAL);
			this.evaluator.evaluate();
		}
		this.harness.toolCall("list_media", Duration.ofMillis(150), ErrorTypes.NONE);
		ToolDescriptor listMedia = this.mcp.summary().tools().get("list_media");
		assertThat(listMedia.calls()).as("in the last five minutes").isEqualTo(1);
		assertThat(listMedia.errors()).isZero();
		assertThat(listMedia.sinceStart()).isEqualTo(new TotalsDescriptor(6, 1, 0));
	}

	@Test
	void roundsRatiosToFourDecimalsAndLatenciesToMilliseconds() {
		this.harness.toolCall("list_media", Duration.ofMillis(150), ErrorTypes.NONE);
		this.harness.toolCall("list_media", Duration.ofMillis(150), ErrorTypes.NONE);
		this.harness.toolCall("list_media", Duration.ofMillis(150), ErrorTypes.TOOL_ERROR);
		this.firing.holds(candidate(AlertSeverity.ERROR, 0.18499999999999997));
		this.evaluator.evaluate();
		McpDescriptor summary = this.mcp.summary();
		ToolDescriptor listMedia = summary.tools().get("list_media");
		assertThat(listMedia.errorRatio()).isEqualTo(0.3333);
		// Three calls in (0.1 s, 0.2 s]: rank 1.5 of 3.
		assertThat(listMedia.p50Ms()).isEqualTo(150);
		assertThat(summary.alerts().firing().get(0).value()).isEqualTo(0.185);
		assertThat(summary.alerts().transitions().get(0).value()).isEqualTo(0.185);
	}

	@Test
	void summarisesEachApiWithItsFailuresInARow() {
		this.evaluator.evaluate();
		this.harness.advance(Duration.ofSeconds(15));
		this.harness.apiCall("kaltura.media.list", null);
		this.harness.apiCall("kaltura.media.list", new IllegalStateException("INTERNAL_SERVER_ERROR"));
		this.harness.apiCall("kaltura.media.list", new IllegalStateException("SERVICE_FORBIDDEN"));
		this.evaluator.evaluate();
		ApiDescriptor api = this.mcp.summary().apis().get("kaltura.media.list");
		assertThat(api.calls()).isEqualTo(3);
		assertThat(api.errors()).isEqualTo(2);
		assertThat(api.consecutiveFailures()).isEqualTo(2);
		assertThat(api.p50Ms()).isNotNull();
		assertThat(api.p95Ms()).isNotNull();
		assertThat(api.errorRatio()).isEqualTo(0.6667);
		assertThat(api.lastError().kind()).isEqualTo("api");
		assertThat(api.lastError().errorType()).isEqualTo("IllegalStateException");
		assertThat(api.lastError().message()).isEqualTo("SERVICE_FORBIDDEN");
	}

	@Test
	void listsTheLastTwentyErrorsMostRecentFirst() {
		for (int i = 0; i < 25; i++) {
			this.harness.apiCall("kaltura.media.get", new IllegalStateException("failure " + i));
			this.harness.advance(Duration.ofSeconds(1));
		}
		this.evaluator.evaluate();
		List<CallFailureDescriptor> recentErrors = this.mcp.summary().recentErrors();
		assertThat(recentErrors).hasSize(20);
		assertThat(recentErrors.get(0).message()).isEqualTo("failure 24");
		assertThat(recentErrors.get(0).kind()).isEqualTo("api");
		assertThat(recentErrors.get(0).name()).isEqualTo("kaltura.media.get");
		assertThat(recentErrors.get(0).errorType()).isEqualTo("IllegalStateException");
		assertThat(recentErrors.get(0).time()).isNotBlank();
		assertThat(recentErrors.get(19).message()).isEqualTo("failure 5");
	}

	@Test
	void listsAlertsFiringPendingAndTheirLatestTransitions() {
		Instant start = this.harness.clock().instant();
		this.firing.holds(candidate(AlertSeverity.ERROR, 0.3, "gen_ai_tool_name", "search_entries"));
		this.pending.holds(candidate(AlertSeverity.WARNING, 0.85));
		this.evaluator.evaluate();
		AlertsDescriptor alerts = this.mcp.summary().alerts();
		assertThat(alerts.firing()).singleElement()
			.isEqualTo(new AlertDescriptor("FiringAlert", "error", "firing", Map.of("gen_ai_tool_name", "search_entries"),
					0.3, start.toString(), start.toString(), "FiringAlert at 0.3", "docs/runbooks/FiringAlert.md"));
		assertThat(alerts.pending()).singleElement()
			.isEqualTo(new AlertDescriptor("PendingAlert", "warning", "pending", Map.of(), 0.85, start.toString(), null,
					"PendingAlert at 0.85", "docs/runbooks/PendingAlert.md"));
		assertThat(alerts.transitions()).extracting(TransitionDescriptor::name)
			.containsExactly("PendingAlert", "FiringAlert", "FiringAlert");
		assertThat(alerts.transitions().get(1)).isEqualTo(new TransitionDescriptor(start.toString(), "FiringAlert",
				"error", Map.of("gen_ai_tool_name", "search_entries"), "pending", "firing", 0.3));
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
		List<TransitionDescriptor> transitions = this.mcp.summary().alerts().transitions();
		assertThat(transitions).hasSize(50);
		assertThat(transitions.get(0).from()).isEqualTo("firing");
		assertThat(transitions.get(0).to()).isEqualTo("resolved");
		assertThat(transitions.get(0).value()).isEqualTo(19.0);
	}

	@Test
	void withoutTheEvaluatorCountsSinceStartAndHasNoAlerts() {
		this.harness.toolCalls("list_media", 3, ErrorTypes.NONE);
		this.harness.toolCall("list_media", Duration.ofSeconds(3), ErrorTypes.TOOL_ERROR);
		this.harness.apiCall("kaltura.media.list", new IllegalStateException("SERVICE_FORBIDDEN"));
		McpDescriptor summary = this.mcpWithoutAlerts.summary();
		assertThat(summary.window()).isNull();
		assertThat(summary.alerts()).isNull();
		ToolDescriptor listMedia = summary.tools().get("list_media");
		assertThat(listMedia.calls()).isEqualTo(4);
		assertThat(listMedia.errors()).isEqualTo(1);
		assertThat(listMedia.errorRatio()).isEqualTo(0.25);
		assertThat(listMedia.p50Ms()).as("over the calls since start").isNotNull();
		assertThat(listMedia.sinceStart()).isEqualTo(new TotalsDescriptor(4, 1, 0));
		assertThat(listMedia.lastError().errorType()).isEqualTo("tool_error");
		assertThat(summary.apis().get("kaltura.media.list").consecutiveFailures()).isEqualTo(1);
		assertThat(summary.recentErrors()).hasSize(2);
		JsonNode json = this.json.valueToTree(summary);
		assertThat(json.fieldNames()).toIterable().containsExactly("tools", "methods", "apis", "recentErrors");
	}

	@Test
	void hasNoMethodsWhileOnlyToolCallsAreRecorded() {
		this.harness.toolCalls("list_media", 3, ErrorTypes.NONE);
		this.evaluator.evaluate();
		McpDescriptor summary = this.mcp.summary();
		assertThat(summary.methods()).isEmpty();
		assertThat(summary.tools()).containsOnlyKeys("list_media");
		assertThat(this.mcpWithoutAlerts.summary().methods()).isEmpty();
	}

	@Test
	void summarisesEachMethodOtherThanToolCallsOverTheWindow() {
		this.harness.request("resources/read", "", ErrorTypes.NONE, McpMeterNames.ORIGIN_NONE, "2025-06-18",
				Duration.ofMillis(40));
		this.evaluator.evaluate();
		this.harness.advance(WINDOW.plusMinutes(1));
		this.evaluator.evaluate();
		for (int i = 0; i < 6; i++) {
			this.harness.request("resources/read", "", ErrorTypes.NONE, McpMeterNames.ORIGIN_NONE,
					(i % 2 == 0) ? "2025-06-18" : "2025-11-25", Duration.ofMillis(150));
		}
		this.harness.request("resources/read", "", "-32603", "server", "2025-06-18", Duration.ofMillis(150));
		this.harness.request("resources/read", "", "", "client", "2025-06-18", Duration.ofMillis(1));
		this.harness.request("ping", "", ErrorTypes.NONE, McpMeterNames.ORIGIN_NONE, "", Duration.ofMillis(1));
		this.harness.request(McpMeterNames.METHOD_TOOLS_CALL, "list_media", ErrorTypes.NONE,
				McpMeterNames.ORIGIN_NONE, "2025-06-18", Duration.ofMillis(20));
		this.harness.unknownToolCalls(3, "2025-06-18");

		McpDescriptor summary = this.mcp.summary();
		assertThat(summary.methods()).containsOnlyKeys("resources/read", "ping");
		MethodDescriptor read = summary.methods().get("resources/read");
		assertThat(read.calls()).as("in the window").isEqualTo(8);
		assertThat(read.errors()).isEqualTo(1);
		assertThat(read.clientErrors()).isEqualTo(1);
		assertThat(read.errorRatio()).as("1 of the 7 that were not the client's mistake").isEqualTo(0.1429);
		// 1 call at or below 10 ms and 7 in (100 ms, 200 ms]: rank 7.6 gives 100 + 100 * 6.6 / 7.
		assertThat(read.p95Ms()).isEqualTo(194);
		assertThat(read.sinceStart()).isEqualTo(new TotalsDescriptor(9, 1, 1));
		assertThat(summary.tools()).as("tools/call only, unknown tools under their placeholder")
			.containsOnlyKeys("list_media", "_OTHER");
		assertThat(summary.tools().get("_OTHER").clientErrors()).isEqualTo(3);
		JsonNode json = this.json.valueToTree(summary);
		assertThat(json.path("methods").path("ping").fieldNames()).toIterable()
			.containsExactlyInAnyOrder("calls", "errors", "clientErrors", "errorRatio", "p50Ms", "p95Ms",
					"sinceStart");
	}

	@Test
	void writesItsFieldNames() {
		this.harness.toolCall("list_media", Duration.ofSeconds(3), ErrorTypes.TOOL_ERROR);
		this.harness.apiCall("kaltura.media.list", new IllegalStateException("SERVICE_FORBIDDEN"));
		this.firing.holds(candidate(AlertSeverity.ERROR, 0.3));
		this.evaluator.evaluate();
		this.harness.advance(Duration.ofSeconds(15));
		this.harness.toolCall("list_media", Duration.ofSeconds(3), ErrorTypes.TOOL_ERROR);
		this.harness.apiCall("kaltura.media.list", new IllegalStateException("SERVICE_FORBIDDEN"));
		this.evaluator.evaluate();
		JsonNode summary = this.json.valueToTree(this.mcp.summary());
		assertThat(summary.path("tools").path("list_media").fieldNames()).toIterable()
			.containsExactlyInAnyOrder("calls", "errors", "clientErrors", "errorRatio", "p50Ms", "p95Ms",
					"lastError", "inFlight", "sinceStart");
		assertThat(summary.path("apis").path("kaltura.media.list").fieldNames()).toIterable()
			.containsExactlyInAnyOrder("calls", "errors", "clientErrors", "errorRatio", "p50Ms", "p95Ms",
					"lastError", "consecutiveFailures", "sinceStart");
		assertThat(summary.path("tools").path("list_media").path("sinceStart").fieldNames()).toIterable()
			.containsExactly("calls", "errors", "clientErrors");
		assertThat(summary.path("recentErrors").path(0).fieldNames()).toIterable()
			.containsExactlyInAnyOrder("time", "kind", "name", "errorType", "clientError", "message");
		assertThat(summary.path("alerts").path("firing").path(0).fieldNames()).toIterable()
			.containsExactlyInAnyOrder("name", "severity", "state", "labels", "value", "activeSince", "firingSince",
					"summary", "runbookUrl");
		assertThat(summary.path("alerts").path("transitions").path(0).fieldNames()).toIterable()
			.containsExactlyInAnyOrder("time", "name", "severity", "labels", "from", "to", "value");
	}

}
