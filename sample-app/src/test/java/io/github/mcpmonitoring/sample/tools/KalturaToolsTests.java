package io.github.mcpmonitoring.sample.tools;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mcpmonitoring.sample.demo.DemoFaults;
import io.github.mcpmonitoring.sample.demo.DemoKalturaBackend;
import io.github.mcpmonitoring.sample.kaltura.KalturaApiException;
import io.github.mcpmonitoring.sample.kaltura.KalturaCatalog;
import io.github.mcpmonitoring.sample.kaltura.KalturaClient;
import io.github.mcpmonitoring.sample.kaltura.KalturaEndpoint;
import io.github.mcpmonitoring.sample.kaltura.KalturaSession;
import io.github.mcpmonitoring.sample.kaltura.KalturaSessionSettings;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.method.MethodToolCallbackProvider;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for the tool classes against the demo backend, directly and through the Spring AI adapters that turn them
 * into MCP tools (names, parameter names, JSON results), without an MCP server.
 */
class KalturaToolsTests {

	private static final ObjectMapper MAPPER = new ObjectMapper();

	private static DemoKalturaBackend backend;

	private static KalturaSession session;

	private static KalturaEndpoint endpoint;

	private static MediaTools mediaTools;

	private static MediaLinkTools linkTools;

	private static CategoryTools categoryTools;

	private static SessionTools sessionTools;

	private static KalturaMcpTools mcpTools;

	@BeforeAll
	static void start() {
		backend = DemoKalturaBackend.start(DemoFaults::none, Clock.systemUTC());
		endpoint = new KalturaEndpoint(backend.serviceUrl(), backend.partnerId(), backend.adminSecret(), true);
		KalturaClient client = new KalturaClient(RestClient.builder(), backend.serviceUrl(), backend.adminSecret(),
				Duration.ofSeconds(2), Duration.ofSeconds(5));
		session = new KalturaSession(client, new KalturaSessionSettings(backend.partnerId(), backend.adminSecret(),
				"tools-test", "", Duration.ofHours(24), Duration.ofMinutes(5)), Clock.systemUTC());
		KalturaCatalog catalog = new KalturaCatalog(client, session);
		mediaTools = new MediaTools(catalog);
		linkTools = new MediaLinkTools(catalog);
		categoryTools = new CategoryTools(catalog);
		sessionTools = new SessionTools(session, endpoint);
		mcpTools = new KalturaMcpTools(categoryTools, linkTools, sessionTools);
	}

	@AfterAll
	static void stop() {
		backend.close();
	}

	@Test
	void listMediaReturnsReadableEntries() {
		MediaListResult result = mediaTools.listMedia(null, null);
		assertThat(result.totalCount()).isEqualTo(backend.entryCount());
		assertThat(result.count()).isEqualTo(10).isEqualTo(result.entries().size());
		MediaEntryView welcome = mediaTools.listMedia("Welcome Northwind", 5).entries().get(0);
		assertThat(welcome.id()).isEqualTo("0_abc123de");
		assertThat(welcome.mediaType()).isEqualTo("VIDEO");
		assertThat(welcome.status()).isEqualTo("READY");
		assertThat(welcome.createdAt()).isEqualTo("2023-01-09T09:12:00Z");
		assertThat(welcome.categoryIds()).containsExactly(101L, 102L);
		assertThat(welcome.tags()).contains("onboarding");
	}

	@Test
	void badEntryIdFailsWithoutCallingKaltura() {
		long calls = backend.callCount();
		assertThatIllegalArgumentException().isThrownBy(() -> mediaTools.getMediaEntry("0_abc'; drop"));
		assertThatIllegalArgumentException().isThrownBy(() -> linkTools.getDownloadUrl("nope"));
		assertThatIllegalArgumentException().isThrownBy(() -> linkTools.getThumbnailUrl("0_abc123de", 0, null));
		assertThat(backend.callCount()).isEqualTo(calls);
	}

	@Test
	void unknownEntryFailsWithEntryIdNotFound() {
		assertThatExceptionOfType(KalturaApiException.class).isThrownBy(() -> mediaTools.getMediaEntry("0_zzzz9999"))
			.withMessageContaining("ENTRY_ID_NOT_FOUND");
	}

	@Test
	void searchEntriesMatchesAnyWordAndRequiresAQuery() {
		assertThat(mediaTools.searchEntries("podcast keynote", 20).entries()).extracting(MediaEntryView::id)
			.contains("0_m8f2d6tr", "0_e5b2h8mz");
		assertThatIllegalArgumentException().isThrownBy(() -> mediaTools.searchEntries(" ", null));
	}

	@Test
	void listCategoriesReturnsPathsAndCounts() {
		CategoryListResult result = categoryTools.listCategories(null, 100);
		assertThat(result.count()).isGreaterThanOrEqualTo(5);
		assertThat(result.categories()).extracting(CategoryView::fullName).contains("Events>Connect 2024");
	}

	@Test
	void linkToolsReturnUrlsWithoutSession() {
		MediaLink thumbnail = linkTools.getThumbnailUrl("0_abc123de", 320, 180);
		MediaLink download = linkTools.getDownloadUrl("0_abc123de");
		assertThat(thumbnail.url()).endsWith("/thumbnail/entry_id/0_abc123de/version/100002/width/320/height/180");
		assertThat(download.kind()).isEqualTo("download");
		assertThat(download.url()).contains("0_abc123de").doesNotContainIgnoringCase("ks");
	}

	@Test
	void sessionInfoShowsStateButNoSecret() throws Exception {
		mediaTools.listMedia(null, 1);
		String json = MAPPER.writeValueAsString(sessionTools.getSessionInfo());
		JsonNode info = MAPPER.readTree(json);
		assertThat(info.path("state").asText()).isEqualTo("ACTIVE");
		assertThat(info.path("partnerId").asInt()).isEqualTo(backend.partnerId());
		assertThat(info.path("sessionType").asText()).isEqualTo("ADMIN");
		assertThat(info.path("expiresAt").asText()).isNotEmpty();
		assertThat(info.path("demo").asBoolean()).isTrue();
		assertThat(json).doesNotContain(backend.adminSecret()).doesNotContain("\"ks\"");
	}

	@Test
	void toolAnnotatedMethodsHaveTheFixedNamesAndParametersAndAnswerJsonObjects() throws Exception {
		Map<String, ToolCallback> callbacks = Arrays
			.stream(MethodToolCallbackProvider.builder().toolObjects(mediaTools).build().getToolCallbacks())
			.collect(Collectors.toMap((callback) -> callback.getToolDefinition().name(), Function.identity()));
		assertThat(callbacks).containsOnlyKeys("list_media", "get_media_entry", "search_entries");
		assertThat(propertyNames(callbacks.get("list_media").getToolDefinition().inputSchema()))
			.containsExactlyInAnyOrder("search_text", "limit");
		assertThat(propertyNames(callbacks.get("get_media_entry").getToolDefinition().inputSchema()))
			.containsExactly("entry_id");
		assertThat(propertyNames(callbacks.get("search_entries").getToolDefinition().inputSchema()))
			.containsExactlyInAnyOrder("query", "limit");
		JsonNode entry = MAPPER.readTree(callbacks.get("get_media_entry").call("{\"entry_id\":\"0_abc123de\"}"));
		assertThat(entry.isObject()).as("a JSON object, not a quoted string").isTrue();
		assertThat(entry.path("id").asText()).isEqualTo("0_abc123de");
	}

	@Test
	void mcpToolAnnotatedMethodsHaveTheFixedNamesAndParametersAndAnswerJsonObjects() throws Exception {
		Map<String, SyncToolSpecification> specs = McpToolSpecifications.of(mcpTools)
			.stream()
			.collect(Collectors.toMap((spec) -> spec.tool().name(), Function.identity()));
		assertThat(specs).containsOnlyKeys("list_categories", "get_thumbnail_url", "get_download_url",
				"get_session_info");
		assertThat(propertyNames(specs.get("list_categories"))).containsExactlyInAnyOrder("search_text", "limit");
		assertThat(propertyNames(specs.get("get_download_url"))).containsExactly("entry_id");
		assertThat(propertyNames(specs.get("get_thumbnail_url"))).containsExactlyInAnyOrder("entry_id", "width",
				"height");
		CallToolResult result = specs.get("list_categories")
			.callHandler()
			.apply(null, new CallToolRequest("list_categories", Map.of("search_text", "connect")));
		assertThat(result.isError()).isFalse();
		JsonNode categories = MAPPER.readTree(((TextContent) result.content().get(0)).text());
		assertThat(categories.path("categories")).hasSize(1);
		CallToolResult bad = specs.get("get_download_url")
			.callHandler()
			.apply(null, new CallToolRequest("get_download_url", Map.of("entry_id", "bad id")));
		assertThat(bad.isError()).isTrue();
		assertThat(((TextContent) bad.content().get(0)).text()).contains("Invalid entry_id");
	}

	// The input schema is a record in MCP SDK 0.18 and a map in 2.0: read both as JSON.
	private static List<String> propertyNames(SyncToolSpecification spec) throws Exception {
		return propertyNames(MAPPER.writeValueAsString(spec.tool().inputSchema()));
	}

	private static List<String> propertyNames(String inputSchema) throws Exception {
		List<String> names = new ArrayList<>();
		MAPPER.readTree(inputSchema).path("properties").fieldNames().forEachRemaining(names::add);
		return names;
	}

}
