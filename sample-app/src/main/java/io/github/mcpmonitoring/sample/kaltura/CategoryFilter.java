package io.github.mcpmonitoring.sample.kaltura;

/**
 * Filter and page size of a {@code category.list} call ({@code KalturaCategoryFilter} with a
 * {@code KalturaFilterPager}).
 *
 * @param freeText text every returned category must contain, or {@code null} for all categories
 * @param pageSize maximum number of categories to return
 */
public record CategoryFilter(String freeText, int pageSize) {
}
