package io.newsflow.ingest.discovery;

/** What a fetched document is, judged from its content rather than its name or Content-Type. */
public enum SourceKind {
    /** RSS 0.9x/2.0 or RSS 1.0 (RDF). */
    RSS,
    /** Atom 1.0. */
    ATOM,
    /** JSON Feed 1.x. */
    JSON_FEED,
    /** XML sitemap ({@code urlset}), including Google News sitemaps. */
    SITEMAP,
    /** XML sitemap index ({@code sitemapindex}). */
    SITEMAP_INDEX,
    /** Plain-text sitemap: one URL per line. */
    TEXT_SITEMAP,
    /** An HTML page. */
    HTML,
    /** Gzip-compressed; decompress and sniff again. */
    GZIP,
    /** None of the above. */
    UNKNOWN;

    /** True for RSS, Atom and JSON Feed. */
    public boolean isFeed() {
        return this == RSS || this == ATOM || this == JSON_FEED;
    }

    /** True for XML and text sitemaps and sitemap indexes. */
    public boolean isSitemap() {
        return this == SITEMAP || this == SITEMAP_INDEX || this == TEXT_SITEMAP;
    }
}
