package io.newsflow.ingest.politeness;

import io.newsflow.ingest.fetch.FetchResult;

/**
 * Receives every fetch outcome (ok, not modified, robots-denied, blocked, errors), e.g. to publish
 * it on the fetch-status topic, so no fetch disappears silently.
 */
@FunctionalInterface
public interface FetchListener {

    /** A listener that ignores outcomes (metrics are still counted). */
    FetchListener NONE = result -> { };

    /** Called once per fetch, on the fetching thread; should not block for long. */
    void onResult(FetchResult result);
}
