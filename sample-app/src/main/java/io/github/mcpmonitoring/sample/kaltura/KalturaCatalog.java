package io.github.mcpmonitoring.sample.kaltura;

/**
 * The partner's media entries and categories, read with the server's admin session.
 */
public class KalturaCatalog {

	private final KalturaClient client;

	private final KalturaSession session;

	public KalturaCatalog(KalturaClient client, KalturaSession session) {
		this.client = client;
		this.session = session;
	}

	/**
	 * Lists entries, newest first.
	 * @param freeText text the entries must contain, or {@code null} for all entries
	 * @param limit maximum number of entries
	 * @return one page of entries
	 */
	public KalturaList<MediaEntry> listMedia(String freeText, int limit) {
		return this.session.call((ks) -> this.client.listMedia(ks, MediaFilter.freeText(freeText, limit)));
	}

	/**
	 * Finds entries containing any word of a query.
	 * @param query the words
	 * @param limit maximum number of entries
	 * @return one page of entries
	 */
	public KalturaList<MediaEntry> searchMedia(String query, int limit) {
		return this.session.call((ks) -> this.client.listMedia(ks, MediaFilter.anyWord(query, limit)));
	}

	/**
	 * Reads one entry.
	 * @param entryId the entry id
	 * @return the entry
	 * @throws KalturaApiException with {@code ENTRY_ID_NOT_FOUND} when there is no such entry
	 */
	public MediaEntry getMedia(String entryId) {
		return this.session.call((ks) -> this.client.getMedia(ks, entryId));
	}

	/**
	 * Lists categories.
	 * @param freeText text the categories must contain, or {@code null} for all categories
	 * @param limit maximum number of categories
	 * @return one page of categories
	 */
	public KalturaList<Category> listCategories(String freeText, int limit) {
		return this.session.call((ks) -> this.client.listCategories(ks, new CategoryFilter(freeText, limit)));
	}

}
