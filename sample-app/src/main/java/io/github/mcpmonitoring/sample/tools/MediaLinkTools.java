package io.github.mcpmonitoring.sample.tools;

import io.github.mcpmonitoring.sample.kaltura.KalturaCatalog;
import io.github.mcpmonitoring.sample.kaltura.MediaEntry;

/**
 * The thumbnail and download URL tools' work; {@link KalturaMcpTools} exposes it as {@code @McpTool} methods. The
 * URLs never carry a KS.
 */
public class MediaLinkTools {

	static final String GET_THUMBNAIL_URL = "get_thumbnail_url";

	static final String GET_THUMBNAIL_URL_DESCRIPTION = "Get the thumbnail URL of a Kaltura media entry, "
			+ "optionally resized.";

	static final String GET_DOWNLOAD_URL = "get_download_url";

	static final String GET_DOWNLOAD_URL_DESCRIPTION = "Get the download URL of the source file of a Kaltura "
			+ "media entry.";

	static final String ENTRY_ID_DESCRIPTION = "Kaltura entry id, such as 0_abc123de";

	static final String WIDTH_DESCRIPTION = "Width in pixels, 1 to 4096";

	static final String HEIGHT_DESCRIPTION = "Height in pixels, 1 to 4096";

	private final KalturaCatalog catalog;

	public MediaLinkTools(KalturaCatalog catalog) {
		this.catalog = catalog;
	}

	public MediaLink getThumbnailUrl(String entryId, Integer width, Integer height) {
		String id = ToolArguments.entryId(entryId);
		Integer checkedWidth = ToolArguments.optionalSize("width", width);
		Integer checkedHeight = ToolArguments.optionalSize("height", height);
		MediaEntry entry = this.catalog.getMedia(id);
		if (entry.thumbnailUrl() == null) {
			throw new IllegalStateException("Entry " + id + " has no thumbnail");
		}
		return new MediaLink(id, entry.name(), "thumbnail",
				resized(entry.thumbnailUrl(), checkedWidth, checkedHeight));
	}

	public MediaLink getDownloadUrl(String entryId) {
		String id = ToolArguments.entryId(entryId);
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
