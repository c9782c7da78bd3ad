package io.newsflow.ingest.feeds;

import io.newsflow.ingest.fetch.FetchResult;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * Outcome of polling one feed.
 *
 * @param feed       feed URL
 * @param status     UPDATED (items parsed), NOT_MODIFIED (304) or FAILED
 * @param items      parsed items; empty unless UPDATED
 * @param fetch      the underlying fetch result (for the status topic)
 * @param nextPollAt when the feed is due again, back-off included
 * @param reason     failure reason, null unless FAILED
 */
public record PollResult(URI feed, Status status, List<FeedItem> items, FetchResult fetch, Instant nextPollAt,
                         String reason) {

    /** Polling outcome class. */
    public enum Status {
        /** The feed was fetched and parsed. */
        UPDATED,
        /** The server answered 304 to our conditional GET. */
        NOT_MODIFIED,
        /** Fetching or parsing failed; the feed backs off. */
        FAILED
    }

    /** Copies the item list so the record is immutable. */
    public PollResult {
        items = List.copyOf(items);
    }
}
