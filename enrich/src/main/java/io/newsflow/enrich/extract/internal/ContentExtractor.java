package io.newsflow.enrich.extract.internal;

import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Finds and renders a parsed page's article body; mutates the document (removes furniture). */
public final class ContentExtractor {

    private ContentExtractor() {
    }

    /**
     * Returns the article text of {@code doc}, or "" when the page has no article-like prose; the page's
     * description and JSON-LD body (both may be null) help tell summaries and furniture from the body.
     */
    public static String extract(Document doc, String description, String jsonLdBody) {
        return extract(PageWalk.of(doc), description, jsonLdBody);
    }

    /** As {@link #extract(Document, String, String)} for a document already walked by {@code walk}. */
    public static String extract(PageWalk walk, String description, String jsonLdBody) {
        Element body = walk.body();
        if (body == null) {
            return "";
        }
        DomCleaner.clean(walk);
        BlockStats stats = BlockStats.of(body);
        List<Element> roots = JsonLdCrossCheck.check(ContentLocator.locate(body, stats), stats, jsonLdBody);
        if (roots.isEmpty()) {
            return "";
        }
        return TextRenderer.render(roots, stats, description);
    }
}
