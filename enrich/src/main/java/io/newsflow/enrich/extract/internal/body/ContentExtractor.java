package io.newsflow.enrich.extract.internal.body;

import io.newsflow.enrich.extract.internal.metadata.PageMetadata;
import io.newsflow.enrich.extract.internal.walk.BlockStats;
import io.newsflow.enrich.extract.internal.walk.PageWalk;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Finds and renders a parsed page's article body; mutates the document (removes furniture). */
public final class ContentExtractor {

    /** Below this much text, the chosen block is not taken to hold the article: see {@link #extract(PageWalk, PageMetadata)}. */
    private static final int NO_PROSE_BELOW = 200;

    private ContentExtractor() {
    }

    /**
     * Returns the article text of {@code doc}, or "" when the page has no article-like prose; the page's
     * metadata (title, description, JSON-LD body) helps tell headlines, summaries and furniture from the body.
     */
    public static String extract(Document doc, PageMetadata meta) {
        return extract(PageWalk.of(doc), meta);
    }

    /** As {@link #extract(Document, PageMetadata)} for a document already walked by {@code walk}. */
    public static String extract(PageWalk walk, PageMetadata meta) {
        Element body = walk.body();
        if (body == null) {
            return "";
        }
        DomCleaner.clean(walk);
        BlockStats stats = walk.stats();
        List<Element> roots = ContentLocator.locate(body, stats);
        String text = roots.isEmpty() ? "" : JsonLdCrossCheck.check(roots, stats, meta.jsonLdBody(),
                r -> TextRenderer.render(r, stats, meta.description(), meta.title()));
        if (text.length() >= NO_PROSE_BELOW) {
            return text;
        }
        // Little or no prose: a post made of a link list, short lines or a table. The element the page names
        // as its article body holds it; link lists are its content then, not furniture.
        Element named = ContentLocator.namedBody(stats);
        if (named == null) {
            return text;
        }
        String fallback = TextRenderer.render(List.of(named), stats, meta.description(), meta.title(), true);
        return fallback.length() >= text.length() * 2 ? fallback : text;
    }
}
