package io.github.mcpmonitoring.sample.tools;

import org.springaicommunity.mcp.annotation.McpTool;
import org.springaicommunity.mcp.annotation.McpToolParam;

/**
 * The category, media link and session tools as Spring AI 1.1 {@code @McpTool} methods, found by Spring AI's annotation
 * scanner; the shared tool classes do the work.
 * <p>
 * Only this class differs between the sample's two Spring generations, because the annotations' package does: its
 * names and texts are the shared classes' constants, so both generations serve the same tools.
 */
public class KalturaMcpTools {

	private final CategoryTools categories;

	private final MediaLinkTools links;

	private final SessionTools session;

	public KalturaMcpTools(CategoryTools categories, MediaLinkTools links, SessionTools session) {
		this.categories = categories;
		this.links = links;
		this.session = session;
	}

	// JSON argument names are the Java parameter names, hence snake_case.

	@McpTool(name = CategoryTools.LIST_CATEGORIES, description = CategoryTools.LIST_CATEGORIES_DESCRIPTION)
	public CategoryListResult listCategories(
			@McpToolParam(required = false, description = CategoryTools.SEARCH_TEXT_DESCRIPTION) String search_text,
			@McpToolParam(required = false, description = CategoryTools.LIMIT_DESCRIPTION) Integer limit) {
		return this.categories.listCategories(search_text, limit);
	}

	@McpTool(name = MediaLinkTools.GET_THUMBNAIL_URL, description = MediaLinkTools.GET_THUMBNAIL_URL_DESCRIPTION)
	public MediaLink getThumbnailUrl(@McpToolParam(description = MediaLinkTools.ENTRY_ID_DESCRIPTION) String entry_id,
			@McpToolParam(required = false, description = MediaLinkTools.WIDTH_DESCRIPTION) Integer width,
			@McpToolParam(required = false, description = MediaLinkTools.HEIGHT_DESCRIPTION) Integer height) {
		return this.links.getThumbnailUrl(entry_id, width, height);
	}

	@McpTool(name = MediaLinkTools.GET_DOWNLOAD_URL, description = MediaLinkTools.GET_DOWNLOAD_URL_DESCRIPTION)
	public MediaLink getDownloadUrl(
			@McpToolParam(description = MediaLinkTools.ENTRY_ID_DESCRIPTION) String entry_id) {
		return this.links.getDownloadUrl(entry_id);
	}

	@McpTool(name = SessionTools.GET_SESSION_INFO, description = SessionTools.GET_SESSION_INFO_DESCRIPTION)
	public SessionInfoResult getSessionInfo() {
		return this.session.getSessionInfo();
	}

}
