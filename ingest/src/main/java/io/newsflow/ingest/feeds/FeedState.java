package io.newsflow.ingest.feeds;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Polling state of one feed; persist it (e.g. on a compacted topic) and {@link FeedPoller#restore}
 * it after a restart so conditional GETs and back-off survive.
 *
 * @param feed                feed URL
 * @param interval            normal polling interval
 * @param etag                ETag of the last 200 response, or null
 * @param lastModified        Last-Modified of the last 200 response, or null
 * @param nextPollAt          when the feed is next due
 * @param consecutiveFailures failures since the last success; drives the back-off
 * @param lastError           reason of the last failure, or null
 */
public record FeedState(URI feed, Duration interval, String etag, String lastModified, Instant nextPollAt,
                        int consecutiveFailures, String lastError) {

    /** Validates required fields. */
    public FeedState {
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(nextPollAt, "nextPollAt");
    }

    /** A never-polled feed, due immediately. */
    public static FeedState initial(URI feed, Duration interval, Instant now) {
        return new FeedState(feed, interval, null, null, now, 0, null);
    }
}
