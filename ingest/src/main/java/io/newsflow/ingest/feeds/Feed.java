package io.newsflow.ingest.feeds;

import io.newsflow.ingest.discovery.SourceKind;
import java.util.List;

/**
 * A parsed feed.
 *
 * @param title        feed title, or null
 * @param kind         RSS, ATOM or JSON_FEED
 * @param items        entries with a usable link, in document order
 * @param skippedItems entries dropped because they had no usable link (counted, not hidden)
 */
public record Feed(String title, SourceKind kind, List<FeedItem> items, int skippedItems) {

    /** Copies the item list so the record is immutable. */
    public Feed {
        items = List.copyOf(items);
    }
}
