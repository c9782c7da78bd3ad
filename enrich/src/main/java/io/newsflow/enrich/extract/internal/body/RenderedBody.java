package io.newsflow.enrich.extract.internal.body;

/**
 * An article body rendered in one walk as plain text and as Markdown of the same content.
 *
 * @param text     the plain text, as {@link ContentExtractor#extract(io.newsflow.enrich.extract.internal.walk.PageWalk,
 *                 io.newsflow.enrich.extract.internal.metadata.PageMetadata)} gives it
 * @param markdown the same content as Markdown
 */
public record RenderedBody(String text, String markdown) {

    static final RenderedBody EMPTY = new RenderedBody("", "");
}
