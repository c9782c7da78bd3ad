package io.newsflow.enrich.extract.internal.body;

import io.newsflow.enrich.extract.internal.metadata.PageMetadata;
import io.newsflow.enrich.extract.internal.walk.BlockStats;
import io.newsflow.enrich.extract.internal.walk.PageWalk;
import java.util.List;
import java.util.function.Function;
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
        return extract(walk, (roots, stats, keepLinkLists) -> TextRenderer.render(roots, stats, meta.description(),
                meta.title(), keepLinkLists), meta, Function.identity(), "");
    }

    /**
     * As {@link #extract(PageWalk, PageMetadata)}, with the same content as Markdown: the body is chosen on
     * its text alone, so the text is the same as without Markdown. Links the document cannot make absolute
     * (it has no URL) are resolved against {@code fallbackBase}, such as the canonical URL; may be null.
     */
    public static RenderedBody extractWithMarkdown(PageWalk walk, PageMetadata meta, String fallbackBase) {
        return extract(walk, (roots, stats, keepLinkLists) -> TextRenderer.renderWithMarkdown(roots, stats,
                meta.description(), meta.title(), keepLinkLists, fallbackBase), meta, RenderedBody::text,
                RenderedBody.EMPTY);
    }

    /** The page's {@code title} as a level-one Markdown heading, escaped as the body's text is. */
    public static String markdownTitle(String title) {
        return MarkdownWriter.heading(1, title);
    }

    /** Renders chosen elements, as text or as text and Markdown. */
    private interface Renderer<R> {
        R render(List<Element> roots, BlockStats stats, boolean keepLinkLists);
    }

    private static <R> R extract(PageWalk walk, Renderer<R> renderer, PageMetadata meta, Function<R, String> textOf,
            R none) {
        Element body = walk.body();
        if (body == null) {
            return none;
        }
        DomCleaner.clean(walk);
        BlockStats stats = walk.stats();
        List<Element> roots = ContentLocator.locate(body, stats);
        R rendered = roots.isEmpty() ? none : JsonLdCrossCheck.check(roots, stats, meta.jsonLdBody(),
                r -> renderer.render(r, stats, false), textOf);
        int length = textOf.apply(rendered).length();
        if (length >= NO_PROSE_BELOW) {
            return rendered;
        }
        // Little or no prose: a post made of a link list, short lines or a table. The element the page names
        // as its article body holds it; link lists are its content then, not furniture.
        Element named = ContentLocator.namedBody(stats);
        if (named == null) {
            return rendered;
        }
        R fallback = renderer.render(List.of(named), stats, true);
        return textOf.apply(fallback).length() >= length * 2 ? fallback : rendered;
    }
}
