package io.newsflow.enrich.extract;

import io.newsflow.enrich.extract.internal.body.ContentExtractor;
import io.newsflow.enrich.extract.internal.body.RenderedBody;
import io.newsflow.enrich.extract.internal.decode.DecodedPage;
import io.newsflow.enrich.extract.internal.decode.PageDecoder;
import io.newsflow.enrich.extract.internal.metadata.MetadataExtractor;
import io.newsflow.enrich.extract.internal.metadata.PageMetadata;
import io.newsflow.enrich.extract.internal.walk.PageWalk;
import java.util.Objects;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;

/**
 * Extracts the article body and metadata from a raw web page. Thread-safe and reusable; bad input
 * never throws but yields an empty article whose {@link ExtractedArticle#emptyReason()} says why.
 */
public final class ArticleExtractor {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ArticleExtractor.class);

    private final ExtractorOptions options;
    private final PageDecoder decoder;

    /** Creates an extractor with {@link ExtractorOptions#defaults()}. */
    public ArticleExtractor() {
        this(ExtractorOptions.defaults());
    }

    /** Creates an extractor with the given limits. */
    public ArticleExtractor(ExtractorOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.decoder = new PageDecoder(options.maxInputBytes(), options.markdown());
    }

    /**
     * Extracts the article from {@code body} (raw page bytes, possibly gzip-compressed); {@code url}
     * and {@code contentType} (the HTTP header value) may be null.
     */
    public ExtractedArticle extract(byte[] body, String url, String contentType) {
        DecodedPage page = decoder.decode(body, contentType);
        if (page.emptyReason() != null) {
            return ExtractedArticle.empty(page.emptyReason(), page.charset(), page.truncated());
        }
        try {
            return extractFrom(page, url);
        } catch (RuntimeException e) {
            // Last-resort guard for parser or library bugs on hostile markup: report, never propagate.
            LOG.warn("extraction failed on {}: {}", url, e.toString(), e);
            return ExtractedArticle.empty("extraction-error: " + e.getClass().getSimpleName(), page.charset(),
                    page.truncated());
        }
    }

    private ExtractedArticle extractFrom(DecodedPage page, String url) {
        Parser parser = Parser.htmlParser().setMaxDepth(options.maxNestingDepth());
        Document doc = parser.parseInput(page.reader(), url == null ? "" : url);
        if (!looksLikeHtml(doc)) {
            return ExtractedArticle.empty("not-html", page.charset(), page.truncated());
        }
        PageWalk walk = PageWalk.of(doc);
        PageMetadata meta = MetadataExtractor.extract(doc, walk, url);
        // Control characters are dropped here, from the little that is output, not from the whole page.
        String text;
        String markdown = null;
        if (options.markdown()) {
            // Links the document cannot make absolute (a saved page has no URL) are taken as the canonical page's.
            RenderedBody body = ContentExtractor.extractWithMarkdown(walk, meta, meta.canonicalUrl());
            text = ControlCharacters.strip(body.text());
            markdown = ControlCharacters.strip(body.markdown());
        } else {
            text = ControlCharacters.strip(ContentExtractor.extract(walk, meta));
        }
        String reason = null;
        if (text.length() < options.minBodyChars() || text.isBlank()) {
            text = "";
            markdown = markdown == null ? null : "";
            reason = "no-article-content";
        }
        return new ExtractedArticle(text, ControlCharacters.stripToNull(meta.title()), ControlCharacters.strip(meta.authors()),
                meta.published(), meta.modified(), ControlCharacters.stripToNull(meta.language()),
                ControlCharacters.stripToNull(meta.canonicalUrl()), ControlCharacters.stripToNull(meta.siteName()),
                ControlCharacters.stripToNull(meta.image()), ControlCharacters.stripToNull(meta.section()),
                ControlCharacters.stripToNull(meta.description()), ControlCharacters.strip(meta.keywords()), page.charset(),
                reason, page.truncated(), markdown);
    }

    /** Plain text or JSON parses into a body with no elements; such input is not a web page. */
    private static boolean looksLikeHtml(Document doc) {
        return doc.body() != null && (doc.body().childrenSize() > 0 || doc.head().childrenSize() > 0);
    }
}
