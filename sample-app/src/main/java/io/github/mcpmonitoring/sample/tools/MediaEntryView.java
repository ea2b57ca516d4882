package io.github.mcpmonitoring.sample.tools;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.mcpmonitoring.sample.kaltura.MediaEntry;

/**
 * A media entry as tools return it: names instead of Kaltura codes, ISO-8601 times, lists instead of
 * comma-separated strings.
 *
 * @param id entry id
 * @param name title
 * @param description description
 * @param tags tags
 * @param mediaType media type, such as {@code VIDEO}
 * @param durationSeconds duration in seconds, absent for images
 * @param createdAt creation time
 * @param updatedAt last update time
 * @param categoryIds ids of the entry's categories
 * @param plays play count
 * @param views view count
 * @param status entry status, such as {@code READY}
 * @param thumbnailUrl default thumbnail URL
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MediaEntryView(String id, String name, String description, List<String> tags, String mediaType,
		Integer durationSeconds, String createdAt, String updatedAt, List<Long> categoryIds, Integer plays,
		Integer views, String status, String thumbnailUrl) {

	private static final Map<Integer, String> MEDIA_TYPES = Map.of(1, "VIDEO", 2, "IMAGE", 5, "AUDIO", 201,
			"LIVE_STREAM");

	private static final Map<String, String> STATUSES = Map.of("-2", "ERROR_IMPORTING", "-1", "ERROR_CONVERTING",
			"0", "IMPORT", "1", "PRECONVERT", "2", "READY", "3", "DELETED", "4", "PENDING", "5", "MODERATE", "6",
			"BLOCKED", "7", "NO_CONTENT");

	static MediaEntryView from(MediaEntry entry) {
		return new MediaEntryView(entry.id(), entry.name(), entry.description(), split(entry.tags()),
				mediaType(entry.mediaType()), entry.duration(), isoTime(entry.createdAt()),
				isoTime(entry.updatedAt()), split(entry.categoriesIds()).stream().map(Long::valueOf).toList(),
				entry.plays(), entry.views(), status(entry.status()), entry.thumbnailUrl());
	}

	static String isoTime(Long unixSeconds) {
		return (unixSeconds != null) ? Instant.ofEpochSecond(unixSeconds).toString() : null;
	}

	static List<String> split(String commaSeparated) {
		if (commaSeparated == null || commaSeparated.isBlank()) {
			return List.of();
		}
		return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter((part) -> !part.isEmpty()).toList();
	}

	private static String mediaType(Integer code) {
		return (code != null) ? MEDIA_TYPES.getOrDefault(code, "TYPE_" + code) : null;
	}

	private static String status(String code) {
		return (code != null) ? STATUSES.getOrDefault(code, "STATUS_" + code) : null;
	}

}
