package io.github.mcpmonitoring.sample.kaltura;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A Kaltura media entry ({@code KalturaMediaEntry}) as it arrives on the wire: absent fields are {@code null},
 * timestamps are Unix seconds, {@code categoriesIds} and {@code tags} are comma-separated.
 *
 * @param id entry id, such as {@code 0_abc123de}
 * @param name title
 * @param description free-text description
 * @param tags comma-separated tags
 * @param mediaType Kaltura media type code (1 video, 2 image, 5 audio)
 * @param duration duration in seconds
 * @param createdAt creation time, Unix seconds
 * @param updatedAt last update time, Unix seconds
 * @param thumbnailUrl default thumbnail
 * @param downloadUrl download URL of the source flavor
 * @param categoriesIds comma-separated category ids
 * @param plays play count
 * @param views view count
 * @param status Kaltura entry status code ({@code "2"} is ready)
 * @param partnerId owning partner
 * @param userId owning user
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MediaEntry(String id, String name, String description, String tags, Integer mediaType,
		Integer duration, Long createdAt, Long updatedAt, String thumbnailUrl, String downloadUrl,
		String categoriesIds, Integer plays, Integer views, String status, Integer partnerId, String userId) {

	/**
	 * Returns this entry with other thumbnail and download URLs.
	 * @param thumbnailUrl the thumbnail URL, may be {@code null}
	 * @param downloadUrl the download URL, may be {@code null}
	 * @return the entry with those URLs
	 */
	public MediaEntry withUrls(String thumbnailUrl, String downloadUrl) {
		return new MediaEntry(this.id, this.name, this.description, this.tags, this.mediaType, this.duration,
				this.createdAt, this.updatedAt, thumbnailUrl, downloadUrl, this.categoriesIds, this.plays, this.views,
				this.status, this.partnerId, this.userId);
	}

}
