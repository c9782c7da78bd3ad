package io.newsflow.ingest.sitemaps;

import java.net.URI;
import java.util.List;

/**
 * Everything a sitemap walk produced: the URLs, the documents that failed (never silently
 * dropped), and whether a limit cut the walk short.
 *
 * @param entries      URLs found, in discovery order, without duplicates
 * @param failures     sitemaps that could not be fetched or parsed
 * @param sitemapsRead number of documents fetched (parsed, or not modified since the reader's last walk)
 * @param notModified  of those, documents not modified since the reader last read them (their URLs are
 *                     not listed again)
 * @param limitReached true if the depth, sitemap-count or URL-count limit stopped the walk
 */
public record SitemapResult(List<SitemapEntry> entries, List<Failure> failures, int sitemapsRead, int notModified,
                            boolean limitReached) {

    /** Copies the lists so the record is immutable. */
    public SitemapResult {
        entries = List.copyOf(entries);
        failures = List.copyOf(failures);
    }

    /**
     * A sitemap that could not be used.
     *
     * @param sitemap the document's URL
     * @param reason  why (fetch status or parse error)
     */
    public record Failure(URI sitemap, String reason) {
    }
}
