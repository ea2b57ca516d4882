package io.github.mcpmonitoring.sample.tools;

import io.github.mcpmonitoring.annotation.MonitoredTool;
import io.github.mcpmonitoring.sample.kaltura.KalturaCatalog;

import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.annotation.ToolParam;

/**
 * Media entry tools as Spring AI {@code @Tool} methods, exposed through a {@code ToolCallbackProvider}.
 */
public class MediaTools {

	private static final String LIMIT_DESCRIPTION = "Maximum number of entries, 1 to 100; default 10";

	private final KalturaCatalog catalog;

	public MediaTools(KalturaCatalog catalog) {
		this.catalog = catalog;
	}

	@Tool(name = "list_media", description = "List media entries (video, audio, images) of the Kaltura partner, "
			+ "newest first, optionally only those containing every word of a search text.")
	public MediaListResult listMedia(
			@ToolParam(required = false, description = "Words every returned entry must contain "
					+ "(in name, description or tags); omit to list all entries") String search_text,
			@ToolParam(required = false, description = LIMIT_DESCRIPTION) Integer limit) {
		return MediaListResult
			.from(this.catalog.listMedia(ToolArguments.optionalText(search_text), ToolArguments.limit(limit)));
	}

	@Tool(name = "get_media_entry", description = "Get the details of one Kaltura media entry by its id.")
	public MediaEntryView getMediaEntry(
			@ToolParam(description = "Kaltura entry id, such as 0_abc123de") String entry_id) {
		return MediaEntryView.from(this.catalog.getMedia(ToolArguments.entryId(entry_id)));
	}

	@Tool(name = "search_entries", description = "Search Kaltura media entries whose name, description or tags "
			+ "contain any of the words of a query, newest first.")
	@MonitoredTool(slowThreshold = "2s")
	public MediaListResult searchEntries(@ToolParam(description = "Search words") String query,
			@ToolParam(required = false, description = LIMIT_DESCRIPTION) Integer limit) {
		return MediaListResult
			.from(this.catalog.searchMedia(ToolArguments.requiredText("query", query), ToolArguments.limit(limit)));
	}

}
