package io.newsflow.ingest.sitemaps;

import io.newsflow.ingest.discovery.SourceKind;
import java.net.URI;
import java.time.Instant;

/**
 * One URL found in a sitemap (or in a feed given where a sitemap was expected), with hints.
 *
 * @param url          absolute page URL
 * @param lastModified {@code <lastmod>}, or null
 * @param title        Google News {@code news:title} or the feed item title, or null
 * @param published    Google News {@code news:publication_date} or the feed item date, or null
 * @param source       the sitemap or feed the URL came from
 * @param sourceKind   what that document turned out to be
 */
public record SitemapEntry(String url, Instant lastModified, String title, Instant published, URI source,
                           SourceKind sourceKind) {
}
