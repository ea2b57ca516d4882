package io.github.mcpmonitoring.sample.kaltura;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One page of a Kaltura list response ({@code Kaltura...ListResponse}).
 *
 * @param objects the objects on this page, never {@code null}
 * @param totalCount number of matching objects across all pages
 * @param <T> the object type
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record KalturaList<T>(List<T> objects, int totalCount) {

	public KalturaList {
		// Kaltura omits null fields, and some versions omit an empty "objects" array with them.
		objects = (objects != null) ? List.copyOf(objects) : List.of();
	}

}
