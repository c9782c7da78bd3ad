package io.newsflow.ingest.pipeline;

import io.newsflow.schemas.avro.FeedHints;
import io.newsflow.schemas.avro.SourceKind;

/**
 * A page URL some source found, with what the source said about it.
 *
 * @param url the URL as found (canonicalised before fetching)
 * @param hints what a feed or sitemap said about the item, or null
 * @param kind the kind of source
 * @param sourceName the feed, sitemap or list it came from
 */
public record Discovered(String url, FeedHints hints, SourceKind kind, String sourceName) {
}
