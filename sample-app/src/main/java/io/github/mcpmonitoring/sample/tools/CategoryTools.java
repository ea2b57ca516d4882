package io.github.mcpmonitoring.sample.tools;

import io.github.mcpmonitoring.sample.kaltura.KalturaCatalog;

/**
 * The category tool's work; {@link KalturaMcpTools} exposes it as an {@code @McpTool} method.
 */
public class CategoryTools {

	static final String LIST_CATEGORIES = "list_categories";

	static final String LIST_CATEGORIES_DESCRIPTION = "List the Kaltura partner's categories with their full path "
			+ "and entry counts, optionally only those containing every word of a search text.";

	static final String SEARCH_TEXT_DESCRIPTION = "Words every returned category must contain "
			+ "(in name, path, description or tags); omit to list all categories";

	static final String LIMIT_DESCRIPTION = "Maximum number of categories, 1 to 100; default 10";

	private final KalturaCatalog catalog;

	public CategoryTools(KalturaCatalog catalog) {
		this.catalog = catalog;
	}

	public CategoryListResult listCategories(String searchText, Integer limit) {
		return CategoryListResult
			.from(this.catalog.listCategories(ToolArguments.optionalText(searchText), ToolArguments.limit(limit)));
	}

}
