package io.github.mcpmonitoring.sample.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mcpmonitoring.sample.McpClients;
import io.github.mcpmonitoring.sample.HostileKaltura;
import io.github.mcpmonitoring.sample.kaltura.UpstreamText;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample against a Kaltura that sends back everything a server must not pass on ({@link HostileKaltura}), with a
 * service URL that carries a password, called by a real MCP client: no tool result and no log line carries the
 * password, the KS, the admin secret (in any case), a control character, a forged log line or an upstream string
 * longer than {@link UpstreamText}'s caps, and the tools still answer with what is safe to show.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "kaltura.partner-id=12345", "kaltura.admin-secret=" + UpstreamHygieneEndToEndTests.SECRET,
				"spring.output.ansi.enabled=never", "server.shutdown=immediate" })
@ExtendWith(OutputCaptureExtension.class)
@DirtiesContext
class UpstreamHygieneEndToEndTests {

	static final String SECRET = "5ec7e7a1b2c3d4e5f60718293a4b5c6d";

	private static final String PASSWORD = "Pa55wordInTheUrl";

	private static final HostileKaltura KALTURA = HostileKaltura.start(SECRET);

	private static final ObjectMapper MAPPER = new ObjectMapper();

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void hostileKaltura(DynamicPropertyRegistry registry) {
		registry.add("kaltura.service-url", () -> KALTURA.url("admin:" + PASSWORD).toString());
	}

	@AfterAll
	static void stopKaltura() {
		KALTURA.close();
	}

	@Test
	void noResultOrLogLineCarriesACredentialAControlCharacterOrAnUncappedUpstreamString(CapturedOutput output) {
		List<String> results = new ArrayList<>();
		McpSyncClient client = McpClients.streamable(this.port, Duration.ofSeconds(30));
		try {
			client.initialize();
			results.add(text(client, "get_session_info", Map.of(), false));
			// The first session.start fails with the secret in its message.
			results.add(text(client, "list_media", Map.of(), true));
			results.add(text(client, "get_session_info", Map.of(), false));
			results.add(text(client, "list_media", Map.of(), false));
			results.add(text(client, "get_media_entry", Map.of("entry_id", HostileKaltura.ENTRY), false));
			String thumbnail = text(client, "get_thumbnail_url", Map.of("entry_id", HostileKaltura.ENTRY), false);
			String download = text(client, "get_download_url", Map.of("entry_id", HostileKaltura.ENTRY), false);
			results.add(thumbnail);
			results.add(download);
			results.add(text(client, "get_media_entry", Map.of("entry_id", HostileKaltura.HOSTILE_ENTRY), true));
			results.add(text(client, "get_session_info", Map.of(), false));

			assertThat(json(results.get(0)).path("serviceUrl").asText()).startsWith("http://127.0.0.1:");
			assertThat(json(thumbnail).path("url").asText()).isEqualTo("http://cdn.example/p/12345/thumbnail/entry_id/"
					+ HostileKaltura.ENTRY + "/version/100002");
			assertThat(json(download).path("url").asText()).isEqualTo("http://cdn.example/p/12345/playManifest/entryId/"
					+ HostileKaltura.ENTRY + "/format/download?flavorParamId=0");
		}
		finally {
			client.closeGracefully();
		}
		assertThat(results).allSatisfy(UpstreamHygieneEndToEndTests::assertClean);
		assertThat(results).allSatisfy((result) -> assertThat(result).doesNotContain("\\r", "\\n", "\\u00"));
		assertClean(output.getAll());
		assertThat(output.getAll().lines()).noneMatch((line) -> line.startsWith(HostileKaltura.FORGED));
	}

	private static void assertClean(String text) {
		assertThat(text).doesNotContain(PASSWORD, HostileKaltura.KS)
			.doesNotContainIgnoringCase(SECRET)
			.doesNotContain(String.valueOf(HostileKaltura.CODE_FILLER).repeat(UpstreamText.MAX_CODE_LENGTH))
			.doesNotContain(String.valueOf(HostileKaltura.MESSAGE_FILLER).repeat(UpstreamText.MAX_LENGTH));
		assertThat(text.chars().filter((c) -> Character.isISOControl(c) && c != '\n' && c != '\t'))
			.as("control characters other than line feed and tab").isEmpty();
	}

	private static String text(McpSyncClient client, String tool, Map<String, Object> arguments, boolean error) {
		CallToolResult result = client.callTool(new CallToolRequest(tool, arguments));
		String text = ((TextContent) result.content().get(0)).text();
		assertThat(result.isError()).as("%s is an error: %s", tool, text).isEqualTo(error);
		return text;
	}

	private static JsonNode json(String text) {
		try {
			return MAPPER.readTree(text);
		}
		catch (Exception ex) {
			throw new AssertionError("not JSON: " + text, ex);
		}
	}

}
