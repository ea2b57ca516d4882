package io.github.mcpmonitoring.sample.tools;

import java.util.List;

import io.github.mcpmonitoring.sample.kaltura.KalturaList;
import io.github.mcpmonitoring.sample.kaltura.MediaEntry;

/**
 * A page of media entries as tools return it.
 *
 * @param totalCount number of matching entries in Kaltura
 * @param count number of entries returned
 * @param entries the entries, newest first
 */
public record MediaListResult(int totalCount, int count, List<MediaEntryView> entries) {

	static MediaListResult from(KalturaList<MediaEntry> page) {
		List<MediaEntryView> entries = page.objects().stream().map(MediaEntryView::from).toList();
		return new MediaListResult(page.totalCount(), entries.size(), entries);
	}

}
