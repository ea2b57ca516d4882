package io.github.mcpmonitoring.tracing;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ToolCallMdc}.
 */
class ToolCallMdcTests {

	@AfterEach
	void clear() {
		MDC.clear();
	}

	@Test
	void putsTheToolAndSessionWhileTheToolRunsAndRemovesThemAfterwards() {
		try (ToolCallMdc.Restore restore = ToolCallMdc.put("get_media_entry", "session-1")) {
			assertThat(MDC.get("mcp.tool.name")).isEqualTo("get_media_entry");
			assertThat(MDC.get("mcp.session.id")).isEqualTo("session-1");
		}
		assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
	}

	@Test
	void restoresTheValuesOfAnEnclosingToolCall() {
		try (ToolCallMdc.Restore outer = ToolCallMdc.put("outer_tool", "session-1")) {
			try (ToolCallMdc.Restore inner = ToolCallMdc.put("inner_tool", null)) {
				assertThat(MDC.get("mcp.tool.name")).isEqualTo("inner_tool");
				assertThat(MDC.get("mcp.session.id")).isNull();
			}
			assertThat(MDC.get("mcp.tool.name")).isEqualTo("outer_tool");
			assertThat(MDC.get("mcp.session.id")).isEqualTo("session-1");
		}
	}

	@Test
	void aSessionIdWithLineBreaksCannotForgeLogLines() {
		try (ToolCallMdc.Restore restore = ToolCallMdc.put("list_media", "abc\r\nFAKE LINE" + "x".repeat(500))) {
			assertThat(MDC.get("mcp.session.id")).doesNotContain("\n", "\r").startsWith("abc??FAKE LINE").hasSize(131);
		}
	}

}
