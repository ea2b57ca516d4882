package io.github.mcpmonitoring.tracing;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link McpAccessLog}, read back from a real Logback logger.
 */
class McpAccessLogTests {

	private final Logger logger = (Logger) LoggerFactory.getLogger(McpAccessLog.LOGGER_NAME);

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	private final McpAccessLog accessLog = new McpAccessLog();

	@BeforeEach
	void attach() {
		// On, as mcp.monitoring.access-log.enabled has it; the tests' root level is WARN.
		this.logger.setLevel(Level.INFO);
		this.appender.start();
		this.logger.addAppender(this.appender);
	}

	@AfterEach
	void detach() {
		this.logger.detachAppender(this.appender);
		this.logger.setLevel(null);
	}

	@Test
	void writesOneInfoLineWithTheRequestsFields() {
		this.accessLog.log("tools/call", "get_media_entry", 12_340_000, "none", "none", null, "session-1",
				"claude-code");

		ILoggingEvent event = single();
		assertThat(event.getLevel()).hasToString("INFO");
		assertThat(event.getFormattedMessage()).isEqualTo("tools/call get_media_entry success 12.3 ms");
		assertThat(fields(event)).containsExactlyInAnyOrderEntriesOf(Map.of("mcp.method.name", "tools/call",
				"gen_ai.tool.name", "get_media_entry", "mcp.outcome", "success", "event.duration", "12340000",
				"mcp.session.id", "session-1", "mcp.client.name", "claude-code"));
	}

	@Test
	void aFailedToolCallCarriesItsErrorType() {
		this.accessLog.log("tools/call", "get_media_entry", 1_000_000, "KalturaApiException", "server", null, null,
				null);

		ILoggingEvent event = single();
		assertThat(event.getFormattedMessage()).isEqualTo("tools/call get_media_entry error KalturaApiException 1.0 ms");
		assertThat(fields(event)).containsEntry("error.type", "KalturaApiException")
			.containsEntry("mcp.outcome", "error")
			.doesNotContainKeys("mcp.session.id", "mcp.client.name", "rpc.response.status_code");
	}

	@Test
	void aClientMistakeIsAClientErrorWithItsJsonRpcCode() {
		this.accessLog.log("tools/call", "_OTHER", 500_000, "", "client", "-32602", "s", null);

		ILoggingEvent event = single();
		assertThat(event.getFormattedMessage()).isEqualTo("tools/call _OTHER client_error (JSON-RPC -32602) 0.5 ms");
		assertThat(fields(event)).containsEntry("rpc.response.status_code", "-32602")
			.containsEntry("mcp.outcome", "client_error")
			.doesNotContainKey("error.type");
	}

	@Test
	void aPromptIsNamedAsAPrompt() {
		this.accessLog.log("prompts/get", "summarize", 1_000_000, "none", "none", null, null, null);

		assertThat(fields(single())).containsEntry("gen_ai.prompt.name", "summarize").doesNotContainKey("gen_ai.tool.name");
	}

	@Test
	void whatClientsChooseIsCutAndCannotBreakTheLine() {
		this.accessLog.log("ping", null, 1_000, "none", "none", null, "s\nFORGED", "agent\u0000" + "x".repeat(1000));

		Map<String, String> fields = fields(single());
		assertThat(fields.get("mcp.session.id")).isEqualTo("s?FORGED");
		assertThat(fields.get("mcp.client.name")).startsWith("agent?").hasSize(131);
	}

	@Test
	void nothingIsBuiltWhenTheLoggerIsOff() {
		this.logger.setLevel(Level.WARN);
		this.accessLog.log("ping", null, 1_000, "none", "none", null, null, null);
		assertThat(this.appender.list).isEmpty();
	}

	private ILoggingEvent single() {
		assertThat(this.appender.list).hasSize(1);
		return this.appender.list.get(0);
	}

	private static Map<String, String> fields(ILoggingEvent event) {
		List<KeyValuePair> pairs = event.getKeyValuePairs();
		return pairs.stream().collect(Collectors.toMap((pair) -> pair.key, (pair) -> String.valueOf(pair.value)));
	}

}
