package io.github.mcpmonitoring.sample.kaltura;

/**
 * Filter and page size of a {@code media.list} call ({@code KalturaMediaEntryFilter} with a
 * {@code KalturaFilterPager}).
 *
 * @param freeText text every returned entry must contain, or {@code null}
 * @param searchTextMatchOr words of which a returned entry must contain at least one, or {@code null}
 * @param pageSize maximum number of entries to return
 */
public record MediaFilter(String freeText, String searchTextMatchOr, int pageSize) {

	/**
	 * Entries matching free text, newest first.
	 * @param freeText the text, or {@code null} for all entries
	 * @param pageSize maximum number of entries
	 * @return the filter
	 */
	public static MediaFilter freeText(String freeText, int pageSize) {
		return new MediaFilter(freeText, null, pageSize);
	}

	/**
	 * Entries containing any of the words of a query.
	 * @param query the words
	 * @param pageSize maximum number of entries
	 * @return the filter
	 */
	public static MediaFilter anyWord(String query, int pageSize) {
		return new MediaFilter(null, query, pageSize);
	}

}
