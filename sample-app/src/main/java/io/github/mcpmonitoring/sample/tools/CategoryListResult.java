package io.github.mcpmonitoring.sample.tools;

import java.util.List;

import io.github.mcpmonitoring.sample.kaltura.Category;
import io.github.mcpmonitoring.sample.kaltura.KalturaList;

/**
 * A page of categories as tools return it.
 *
 * @param totalCount number of matching categories in Kaltura
 * @param count number of categories returned
 * @param categories the categories
 */
public record CategoryListResult(int totalCount, int count, List<CategoryView> categories) {

	static CategoryListResult from(KalturaList<Category> page) {
		List<CategoryView> categories = page.objects().stream().map(CategoryView::from).toList();
		return new CategoryListResult(page.totalCount(), categories.size(), categories);
	}

}
