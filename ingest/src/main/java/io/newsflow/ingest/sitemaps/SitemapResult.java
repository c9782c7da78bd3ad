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
 * @param cut          documents larger than the size limit, read only up to it (their later URLs are lost)
 */
public record SitemapResult(List<SitemapEntry> entries, List<Failure> failures, int sitemapsRead, int notModified,
                            boolean limitReached, List<Cut> cut) {

    /** Copies the lists so the record is immutable. */
    public SitemapResult {
        entries = List.copyOf(entries);
        failures = List.copyOf(failures);
        cut = List.copyOf(cut);
    }

    /** A result in which no document was cut at the size limit. */
    public SitemapResult(List<SitemapEntry> entries, List<Failure> failures, int sitemapsRead, int notModified,
                         boolean limitReached) {
        this(entries, failures, sitemapsRead, notModified, limitReached, List.of());
    }

    /**
     * A sitemap document over the size limit: it was parsed up to the limit only.
     *
     * @param sitemap  the document's URL
     * @param maxBytes the limit it was cut at (decompressed bytes)
     * @param urlsRead URLs (or child sitemaps) read from the part before the cut
     */
    public record Cut(URI sitemap, long maxBytes, int urlsRead) {
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
