package io.github.mcpmonitoring.sample.tools;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.mcpmonitoring.sample.kaltura.Category;

/**
 * A category as tools return it.
 *
 * @param id category id
 * @param name name within its parent
 * @param fullName path from the root, with {@code >} between levels
 * @param parentId parent id, 0 for a root category
 * @param depth depth, 0 for a root category
 * @param entriesCount number of entries directly in the category
 * @param description description
 * @param tags tags
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CategoryView(Long id, String name, String fullName, Long parentId, Integer depth, Integer entriesCount,
		String description, List<String> tags) {

	static CategoryView from(Category category) {
		return new CategoryView(category.id(), category.name(), category.fullName(), category.parentId(),
				category.depth(), category.entriesCount(), category.description(),
				MediaEntryView.split(category.tags()));
	}

}
