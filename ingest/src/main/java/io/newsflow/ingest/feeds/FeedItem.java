package io.newsflow.ingest.feeds;

import java.time.Instant;
import java.util.List;

/**
 * One entry of a feed, with the hints carried into the RawArticle.
 *
 * @param url       absolute article URL (relative links resolved against the feed URL)
 * @param title     entry title, or null
 * @param published publication (or else update) time, or null
 * @param authors   author names, possibly empty
 * @param summary   summary/description as published (may contain HTML), or null
 * @param feedTitle title of the feed the entry came from, or null
 */
public record FeedItem(String url, String title, Instant published, List<String> authors, String summary,
                       String feedTitle) {

    /** Copies the author list so the record is immutable. */
    public FeedItem {
        authors = authors == null ? List.of() : List.copyOf(authors);
    }
}
