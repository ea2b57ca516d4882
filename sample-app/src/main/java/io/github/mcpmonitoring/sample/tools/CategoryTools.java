package io.github.mcpmonitoring.sample.tools;

import io.github.mcpmonitoring.sample.kaltura.KalturaCatalog;
import org.springaicommunity.mcp.annotation.McpTool;
import org.springaicommunity.mcp.annotation.McpToolParam;

/**
 * Category tools as {@code @McpTool} methods, found by Spring AI's annotation scanner.
 */
public class CategoryTools {

	private final KalturaCatalog catalog;

	public CategoryTools(KalturaCatalog catalog) {
		this.catalog = catalog;
	}

	@McpTool(name = "list_categories", description = "List the Kaltura partner's categories with their full "
			+ "path and entry counts, optionally only those containing every word of a search text.")
	public CategoryListResult listCategories(
			@McpToolParam(required = false, description = "Words every returned category must contain "
					+ "(in name, path, description or tags); omit to list all categories") String search_text,
			@McpToolParam(required = false,
					description = "Maximum number of categories, 1 to 100; default 10") Integer limit) {
		return CategoryListResult
			.from(this.catalog.listCategories(ToolArguments.optionalText(search_text), ToolArguments.limit(limit)));
	}

}
