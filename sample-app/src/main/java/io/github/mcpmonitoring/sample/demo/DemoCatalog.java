package io.github.mcpmonitoring.sample.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The demo partner's media entries and categories, loaded from {@code kaltura-demo/catalog.json}, with the
 * searches the demo API supports.
 */
final class DemoCatalog {

	private static final String RESOURCE = "/kaltura-demo/catalog.json";

	private final List<ObjectNode> entries;

	private final List<ObjectNode> categories;

	private DemoCatalog(List<ObjectNode> entries, List<ObjectNode> categories) {
		this.entries = entries;
		this.categories = categories;
	}

	/**
	 * Loads the catalog and completes each object as Kaltura would serve it for this partner and host.
	 */
	static DemoCatalog load(ObjectMapper mapper, String serviceUrl, int partnerId) {
		try (InputStream input = DemoCatalog.class.getResourceAsStream(RESOURCE)) {
			if (input == null) {
				throw new IllegalStateException("Demo catalog " + RESOURCE + " is missing from the classpath");
			}
			JsonNode catalog = mapper.readTree(input);
			List<ObjectNode> entries = new ArrayList<>();
			catalog.path("entries").forEach((node) -> entries.add(entry((ObjectNode) node, serviceUrl, partnerId)));
			entries.sort(Comparator.comparingLong((ObjectNode node) -> node.path("createdAt").asLong()).reversed());
			List<ObjectNode> categories = new ArrayList<>();
			catalog.path("categories").forEach((node) -> categories.add(category((ObjectNode) node, partnerId)));
			return new DemoCatalog(List.copyOf(entries), List.copyOf(categories));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the demo catalog " + RESOURCE, ex);
		}
	}

	int entryCount() {
		return this.entries.size();
	}

	int categoryCount() {
		return this.categories.size();
	}

	Optional<ObjectNode> entry(String id) {
		return this.entries.stream().filter((entry) -> entry.path("id").asText().equals(id)).findFirst();
	}

	/**
	 * Entries, newest first, that contain every word of {@code freeText} and at least one word of
	 * {@code anyWords}; a {@code null} or blank argument matches everything.
	 */
	List<ObjectNode> findEntries(String freeText, String anyWords) {
		Predicate<ObjectNode> allMatch = (entry) -> containsAll(searchText(entry), words(freeText));
		Predicate<ObjectNode> anyMatch = (entry) -> containsAny(searchText(entry), words(anyWords));
		return this.entries.stream().filter(allMatch.and(anyMatch)).toList();
	}

	/**
	 * Categories that contain every word of {@code freeText}; {@code null} or blank matches all of them.
	 */
	List<ObjectNode> findCategories(String freeText) {
		return this.categories.stream()
			.filter((category) -> containsAll(searchText(category), words(freeText)))
			.toList();
	}

	private static ObjectNode entry(ObjectNode entry, String serviceUrl, int partnerId) {
		String id = entry.path("id").asText();
		String partnerPath = serviceUrl + "/p/" + partnerId + "/sp/" + partnerId + "00";
		entry.put("partnerId", partnerId);
		entry.put("thumbnailUrl", partnerPath + "/thumbnail/entry_id/" + id + "/version/100002");
		entry.put("downloadUrl",
				partnerPath + "/playManifest/entryId/" + id + "/format/download/protocol/http/flavorParamIds/0");
		entry.put("objectType", "KalturaMediaEntry");
		return entry;
	}

	private static ObjectNode category(ObjectNode category, int partnerId) {
		category.put("partnerId", partnerId);
		category.put("objectType", "KalturaCategory");
		return category;
	}

	private static String searchText(ObjectNode node) {
		return String.join(" ", node.path("name").asText(), node.path("fullName").asText(),
				node.path("description").asText(), node.path("tags").asText())
			.toLowerCase(Locale.ROOT);
	}

	private static List<String> words(String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		return Arrays.stream(text.toLowerCase(Locale.ROOT).trim().split("\\s+")).toList();
	}

	private static boolean containsAll(String text, List<String> words) {
		return words.stream().allMatch(text::contains);
	}

	private static boolean containsAny(String text, List<String> words) {
		return words.isEmpty() || words.stream().anyMatch(text::contains);
	}

}
