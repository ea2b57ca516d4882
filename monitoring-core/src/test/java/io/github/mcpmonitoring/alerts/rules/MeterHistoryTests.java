package io.github.mcpmonitoring.alerts.rules;

import java.time.Duration;
import java.util.Map;

import io.github.mcpmonitoring.core.ErrorTypes;
import io.github.mcpmonitoring.core.McpMeterNames;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MeterHistory}: what happened inside a window is the difference between the last snapshot and the
 * newest one at or before the start of the window.
 */
class MeterHistoryTests {

	private final RuleHarness harness = new RuleHarness();

	private final MeterHistory history = this.harness.history();

	@Test
	void needsTwoSnapshots() {
		this.harness.toolCalls("list_media", 3, ErrorTypes.NONE);
		assertThat(this.history.toolWindows(Duration.ofMinutes(5))).isEmpty();
		this.history.capture();
		assertThat(this.history.toolWindows(Duration.ofMinutes(5))).isEmpty();
		assertThat(this.history.apiWindows(Duration.ofMinutes(5))).isEmpty();
		assertThat(this.history.slowCalls(Duration.ofMinutes(5))).isEmpty();
		assertThat(this.history.authenticationFailures(Duration.ofMinutes(5))).isEmpty();
	}

	@Test
	void windowStartsAtTheNewestSnapshotAtOrBeforeItsStart() {
		captureEveryMinuteAfter(0, 2, 3, 4);
		// Snapshots at 0, 1, 2 and 3 minutes have seen 0, 2, 5 and 9 calls.
		assertThat(calls(Duration.ofMinutes(1))).isEqualTo(4);
		assertThat(calls(Duration.ofSeconds(90))).as("window starting between two snapshots").isEqualTo(7);
		assertThat(calls(Duration.ofMinutes(2))).as("window starting on a snapshot").isEqualTo(7);
		assertThat(calls(Duration.ofMinutes(3))).isEqualTo(9);
	}

	@Test
	void shortHistoryUsesTheOldestSnapshot() {
		captureEveryMinuteAfter(0, 2, 3, 4);
		assertThat(calls(Duration.ofHours(1))).isEqualTo(9);
	}

	@Test
	void snapshotsOlderThanTheRetentionAreDroppedButTwoAreKept() {
		MeterHistory shortHistory = new MeterHistory(this.harness.registry(), this.harness.clock(),
				Duration.ofMinutes(2));
		for (int calls : new int[] { 0, 2, 3, 4 }) {
			this.harness.toolCalls("list_media", calls, ErrorTypes.NONE);
			shortHistory.capture();
			this.harness.advance(Duration.ofMinutes(1));
		}
		// The snapshot taken 3 minutes before the last one is gone; the one 2 minutes before is the oldest left.
		assertThat(shortHistory.toolWindows(Duration.ofHours(1)).get("list_media").calls()).isEqualTo(7);
		this.harness.advance(Duration.ofHours(1));
		shortHistory.capture();
		assertThat(shortHistory.toolWindows(Duration.ofMinutes(5)).get("list_media").calls())
			.as("the previous snapshot is kept, however old").isEqualTo(0);
	}

	@Test
	void errorsAreTheCallsOfEveryErrorTypeButNoneAndNewSeriesCountFromZero() {
		this.harness.toolCalls("list_media", 4, ErrorTypes.NONE);
		this.history.capture();
		this.harness.advance(Duration.ofMinutes(1));
		this.harness.toolCalls("list_media", 6, ErrorTypes.NONE);
		this.harness.toolCalls("list_media", 2, ErrorTypes.TOOL_ERROR);
		this.harness.toolCalls("list_media", 3, "KalturaApiException");
		this.history.capture();
		MeterHistory.CallWindow window = this.history.toolWindows(Duration.ofMinutes(1)).get("list_media");
		assertThat(window.calls()).isEqualTo(11);
		assertThat(window.errors()).isEqualTo(5);
	}

	@Test
	void bucketsAreCumulativeDifferencesSummedOverErrorTypes() {
		this.harness.toolCall("list_media", Duration.ofMillis(30), ErrorTypes.NONE);
		this.history.capture();
		this.harness.advance(Duration.ofMinutes(3));
		this.harness.toolCall("list_media", Duration.ofMillis(5), ErrorTypes.NONE);
		this.harness.toolCall("list_media", Duration.ofMillis(150), ErrorTypes.NONE);
		this.harness.toolCall("list_media", Duration.ofMillis(150), "KalturaApiException");
		this.harness.toolCall("list_media", Duration.ofSeconds(400), "KalturaTransportException");
		this.history.capture();
		MeterHistory.CallWindow window = this.history.toolWindows(Duration.ofMinutes(3)).get("list_media");
		assertThat(window.bucketBounds()).containsExactly(0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 30, 60, 120,
				300);
		// The 30 ms call is before the window; the 400 s call is only in the count (the +Inf bucket).
		assertThat(window.bucketCounts()).containsExactly(1, 1, 1, 1, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3);
		assertThat(window.calls()).isEqualTo(4);
	}

	@Test
	void apiWindowsAreKeptPerApi() {
		this.history.capture();
		this.harness.advance(Duration.ofMinutes(1));
		this.harness.apiCall("kaltura.media.list", null);
		this.harness.apiCall("kaltura.media.list", new IllegalStateException("INTERNAL_SERVER_ERROR"));
		this.harness.apiCall("kaltura.session.start", null);
		this.history.capture();
		Map<String, MeterHistory.CallWindow> windows = this.history.apiWindows(Duration.ofMinutes(5));
		assertThat(windows).containsOnlyKeys("kaltura.media.list", "kaltura.session.start");
		assertThat(windows.get("kaltura.media.list").calls()).isEqualTo(2);
		assertThat(windows.get("kaltura.media.list").errors()).isEqualTo(1);
		assertThat(windows.get("kaltura.session.start").errors()).isZero();
	}

	@Test
	void slowCallsAndAuthenticationFailuresAreIncreasesInsideTheWindow() {
		Duration slow = Duration.ofSeconds(1);
		this.harness.toolCall("list_media", Duration.ofSeconds(2), ErrorTypes.NONE, slow);
		this.harness.apiCall("kaltura.session.start", Duration.ofMillis(10),
				new IllegalStateException("START_SESSION_ERROR"), slow);
		this.history.capture();
		this.harness.advance(Duration.ofMinutes(1));
		this.harness.toolCall("list_media", Duration.ofSeconds(2), ErrorTypes.NONE, slow);
		this.harness.toolCall("list_media", Duration.ofSeconds(2), ErrorTypes.NONE, slow);
		this.harness.apiCall("kaltura.media.get", Duration.ofSeconds(3), null, slow);
		this.harness.apiCall("kaltura.session.start", Duration.ofMillis(10),
				new IllegalStateException("INVALID_KS"), slow);
		this.history.capture();
		assertThat(this.history.slowCalls(Duration.ofMinutes(1))).isEqualTo(Map.of("tool", Map.of("list_media", 2.0),
				"api", Map.of("kaltura.media.get", 1.0, "kaltura.session.start", 0.0)));
		assertThat(this.history.authenticationFailures(Duration.ofMinutes(1)))
			.isEqualTo(Map.of("kaltura.session.start", 1.0));
	}

	/** Record these numbers of calls, and take a snapshot after each, a minute apart. */
	@Test
	void toolsAreTheToolCallsAndSeriesThatDifferInOtherTagsAddUp() {
		this.history.capture();
		this.harness.advance(Duration.ofMinutes(1));
		this.harness.toolCalls("list_media", 2, ErrorTypes.NONE);
		this.harness.request(McpMeterNames.METHOD_TOOLS_CALL, "list_media", ErrorTypes.NONE,
				McpMeterNames.ORIGIN_NONE, "2025-06-18", Duration.ofMillis(3));
		this.harness.request(McpMeterNames.METHOD_TOOLS_CALL, "list_media", ErrorTypes.NONE,
				McpMeterNames.ORIGIN_NONE, "2025-11-25", Duration.ofMillis(3));
		this.harness.request("resources/read", "", ErrorTypes.NONE, McpMeterNames.ORIGIN_NONE, "2025-06-18",
				Duration.ofMillis(3));
		this.harness.unknownToolCalls(3, "2025-06-18");
		this.history.capture();
		Map<String, MeterHistory.CallWindow> tools = this.history.toolWindows(Duration.ofMinutes(1));
		assertThat(tools).containsOnlyKeys("list_media", UnknownToolCallsRule.UNKNOWN_TOOL);
		assertThat(tools.get("list_media").calls()).isEqualTo(4);
		assertThat(tools.get(UnknownToolCallsRule.UNKNOWN_TOOL).clientErrors()).isEqualTo(3);
		assertThat(this.history.toolTotals()).containsOnlyKeys("list_media", UnknownToolCallsRule.UNKNOWN_TOOL);
	}

	@Test
	void methodsAreTheRequestsOtherThanToolCalls() {
		this.harness.toolCalls("list_media", 2, ErrorTypes.NONE);
		assertThat(this.history.methodTotals()).as("only tool calls recorded").isEmpty();
		this.history.capture();
		this.harness.advance(Duration.ofMinutes(1));
		this.harness.request("resources/read", "", ErrorTypes.NONE, McpMeterNames.ORIGIN_NONE, "2025-06-18",
				Duration.ofMillis(3));
		this.harness.request("resources/read", "", "-32603", "server", "2025-11-25", Duration.ofMillis(3));
		this.harness.request("resources/read", "", "", "client", "2025-06-18", Duration.ofMillis(3));
		this.harness.request("ping", "", ErrorTypes.NONE, McpMeterNames.ORIGIN_NONE, "", Duration.ofMillis(1));
		Map<String, MeterHistory.CallWindow> methods = this.history.methodWindowsUntilNow(Duration.ofSeconds(30));
		assertThat(methods).containsOnlyKeys("resources/read", "ping");
		MeterHistory.CallWindow read = methods.get("resources/read");
		assertThat(read.calls()).isEqualTo(3);
		assertThat(read.errors()).isEqualTo(1);
		assertThat(read.clientErrors()).isEqualTo(1);
		assertThat(this.history.methodTotals().get("ping").calls()).isEqualTo(1);
	}

	private void captureEveryMinuteAfter(int... calls) {
		for (int i = 0; i < calls.length; i++) {
			if (i > 0) {
				this.harness.advance(Duration.ofMinutes(1));
			}
			this.harness.toolCalls("list_media", calls[i], ErrorTypes.NONE);
			this.history.capture();
		}
	}

	private double calls(Duration window) {
		return this.history.toolWindows(window).get("list_media").calls();
	}

}
