package io.github.mcpmonitoring.sample.tools;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A URL of one media entry, as the link tools return it; never carries a KS.
 *
 * @param entryId entry id
 * @param name entry title
 * @param kind what the URL points to: {@code thumbnail} or {@code download}
 * @param url the URL
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MediaLink(String entryId, String name, String kind, String url) {
}
