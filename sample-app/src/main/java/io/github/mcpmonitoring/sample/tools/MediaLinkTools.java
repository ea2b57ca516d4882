package io.github.mcpmonitoring.sample.tools;

import io.github.mcpmonitoring.sample.kaltura.KalturaCatalog;
import io.github.mcpmonitoring.sample.kaltura.MediaEntry;
import org.springaicommunity.mcp.annotation.McpTool;
import org.springaicommunity.mcp.annotation.McpToolParam;

/**
 * Thumbnail and download URL tools as {@code @McpTool} methods; the URLs never carry a KS.
 */
public class MediaLinkTools {

	private final KalturaCatalog catalog;

	public MediaLinkTools(KalturaCatalog catalog) {
		this.catalog = catalog;
	}

	@McpTool(name = "get_thumbnail_url", description = "Get the thumbnail URL of a Kaltura media entry, "
			+ "optionally resized.")
	public MediaLink getThumbnailUrl(
			@McpToolParam(description = "Kaltura entry id, such as 0_abc123de") String entry_id,
			@McpToolParam(required = false, description = "Width in pixels, 1 to 4096") Integer width,
			@McpToolParam(required = false, description = "Height in pixels, 1 to 4096") Integer height) {
		String id = ToolArguments.entryId(entry_id);
		Integer checkedWidth = ToolArguments.optionalSize("width", width);
		Integer checkedHeight = ToolArguments.optionalSize("height", height);
		MediaEntry entry = this.catalog.getMedia(id);
		if (entry.thumbnailUrl() == null) {
			throw new IllegalStateException("Entry " + id + " has no thumbnail");
		}
		return new MediaLink(id, entry.name(), "thumbnail",
				resized(entry.thumbnailUrl(), checkedWidth, checkedHeight));
	}

	@McpTool(name = "get_download_url", description = "Get the download URL of the source file of a Kaltura "
			+ "media entry.")
	public MediaLink getDownloadUrl(
			@McpToolParam(description = "Kaltura entry id, such as 0_abc123de") String entry_id) {
		String id = ToolArguments.entryId(entry_id);
		MediaEntry entry = this.catalog.getMedia(id);
		if (entry.downloadUrl() == null) {
			throw new IllegalStateException("Entry " + id + " has no downloadable file");
		}
		return new MediaLink(id, entry.name(), "download", entry.downloadUrl());
	}

	// Kaltura's thumbnail API takes sizes as extra path segments.
	private static String resized(String thumbnailUrl, Integer width, Integer height) {
		StringBuilder url = new StringBuilder(thumbnailUrl);
		if (width != null) {
			url.append("/width/").append(width);
		}
		if (height != null) {
			url.append("/height/").append(height);
		}
		return url.toString();
	}

}
