package io.github.mcpmonitoring.sample.kaltura;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A Kaltura category ({@code KalturaCategory}) as it arrives on the wire.
 *
 * @param id category id
 * @param name name within its parent
 * @param fullName path from the root, with {@code >} between levels
 * @param fullIds ids on the path from the root, with {@code >} between levels
 * @param parentId parent category id, 0 for a root category
 * @param depth depth, 0 for a root category
 * @param entriesCount number of entries directly in the category
 * @param description free-text description
 * @param tags comma-separated tags
 * @param createdAt creation time, Unix seconds
 * @param updatedAt last update time, Unix seconds
 * @param partnerId owning partner
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Category(Long id, String name, String fullName, String fullIds, Long parentId, Integer depth,
		Integer entriesCount, String description, String tags, Long createdAt, Long updatedAt, Integer partnerId) {
}
