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
        Element body = doc.body();
        if (body == null) {
            return "";
        }
        DomCleaner.clean(body);
        BlockStats stats = BlockStats.of(body);
        List<Element> roots = ContentLocator.locate(body, stats);
        if (roots.isEmpty()) {
            return "";
        }
        return TextRenderer.render(roots, stats, description);
    }
}
