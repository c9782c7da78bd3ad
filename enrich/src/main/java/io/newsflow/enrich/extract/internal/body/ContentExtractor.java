package io.newsflow.enrich.extract.internal.body;

import io.newsflow.enrich.extract.internal.metadata.PageMetadata;
import io.newsflow.enrich.extract.internal.walk.BlockStats;
import io.newsflow.enrich.extract.internal.walk.PageWalk;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Finds and renders a parsed page's article body; mutates the document (removes furniture). */
public final class ContentExtractor {

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
        if (roots.isEmpty()) {
            return "";
        }
        return JsonLdCrossCheck.check(roots, stats, meta.jsonLdBody(),
                r -> TextRenderer.render(r, stats, meta.description(), meta.title()));
    }
}
