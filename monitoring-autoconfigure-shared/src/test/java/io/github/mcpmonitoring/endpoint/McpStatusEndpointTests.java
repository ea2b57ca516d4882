package io.github.mcpmonitoring.endpoint;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.mcpmonitoring.alerts.rules.RuleHarness;
import io.github.mcpmonitoring.core.ErrorTypes;
import io.github.mcpmonitoring.core.InvalidSettingException;
import io.github.mcpmonitoring.summary.ActivityHistory;
import io.github.mcpmonitoring.summary.McpStatus;
import io.github.mcpmonitoring.summary.McpSummary;
import io.github.mcpmonitoring.summary.ProcessFigures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link McpStatusEndpoint}: the page it serves and the status it reads.
 */
class McpStatusEndpointTests {

	private final RuleHarness harness = new RuleHarness();

	private final McpStatus status = new McpStatus(
			new McpSummary(this.harness.registry(), this.harness.apis(), this.harness.recentErrors(), null, null,
					null),
			new ActivityHistory(this.harness.registry(), this.harness.clock(), Duration.ofMinutes(1),
					Duration.ofHours(1)),
			new ProcessFigures(this.harness.registry()), this.harness.clock());

	private final McpStatusEndpoint endpoint = new McpStatusEndpoint(this.status, Duration.ofSeconds(7));

	@Test
	void servesOnePageThatAddressesNothingButItsOwnServer() {
		String page = this.endpoint.page();
		assertThat(page).startsWith("<!DOCTYPE html>").doesNotContain("{{");
		// The one absolute address is the SVG namespace, a name that nothing fetches.
		Matcher urls = Pattern.compile("(?i)[a-z]+://[a-z0-9.-]+").matcher(page);
		while (urls.find()) {
			assertThat(urls.group()).isEqualTo("http://www.w3.org");
		}
		assertThat(page).doesNotContainPattern("[\"'(=]\\s*//[a-zA-Z0-9]");
		assertThat(page).doesNotContainIgnoringCase("<link").doesNotContainIgnoringCase("src=")
			.doesNotContainIgnoringCase("@import").doesNotContainIgnoringCase("url(");
		assertThat(page).contains("data-refresh-millis=\"7000\"");
	}

	@Test
	void allowsOnlyItsOwnScriptAndStyle() throws Exception {
		String page = this.endpoint.page();
		String script = between(page, "<script>", "</script>");
		String style = between(page, "<style>", "</style>");
		assertThat(page).contains("default-src 'none'; connect-src 'self'; script-src '" + sha256(script)
				+ "'; style-src '" + sha256(style) + "'");
		assertThat(page.indexOf("<script")).isEqualTo(page.lastIndexOf("<script"));
	}

	@Test
	void readsTheStatusAsData() {
		this.harness.toolCalls("list_media", 2, ErrorTypes.NONE);
		assertThat(this.endpoint.data(McpStatusEndpoint.DATA).summary().tools().get("list_media").calls())
			.isEqualTo(2);
		assertThat(this.endpoint.data("anything-else")).isNull();
	}

	@Test
	void refusesARefreshIntervalUnderASecond() {
		assertThatExceptionOfType(InvalidSettingException.class)
			.isThrownBy(() -> new McpStatusEndpoint(this.status, Duration.ofMillis(500)))
			.satisfies((ex) -> assertThat(ex.setting()).isEqualTo("refreshInterval"));
	}

	private static String between(String text, String start, String end) {
		int from = text.indexOf(start) + start.length();
		return text.substring(from, text.indexOf(end, from));
	}

	private static String sha256(String text) throws Exception {
		byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		return "sha256-" + Base64.getEncoder().encodeToString(digest);
	}

}
