package io.newsflow.enrich.extract.internal;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * The one full walk of a parsed page: indexes metadata elements, gathers block text statistics,
 * and notes what the cleaner will look at (never-text nodes, furniture-named elements, headings),
 * so that no later step needs its own pass over the whole document.
 */
public final class PageWalk implements NodeFilter {

    private final PageIndex index = new PageIndex();
    private final BlockStats stats = BlockStats.empty();
    private final NodeFilter collector = stats.collector();
    final List<Node> neverText = new ArrayList<>();
    final List<Element> furniture = new ArrayList<>();
    final List<Element> headings = new ArrayList<>();
    private Element body;
    /** True between entering and leaving the body: the walk visits nodes in document order. */
    private boolean insideBody;

    private PageWalk() {
    }

    /** Walks {@code doc} once; the document is not modified. */
    public static PageWalk of(Document doc) {
        PageWalk walk = new PageWalk();
        walk.body = doc.body();
        NodeTraversor.filter(walk, doc);
        return walk;
    }

    PageIndex index() {
        return index;
    }

    BlockStats stats() {
        return stats;
    }

    Element body() {
        return body;
    }

    @Override
    public FilterResult head(Node node, int depth) {
        String[] tokens = BoilerplateHints.NO_TOKENS;
        if (node instanceof Element e) {
            // Links and text formatting are never furniture containers: name them only for byline rules.
            boolean named = !BoilerplateHints.PLAIN_INLINE_TAGS.contains(e.normalName())
                    || PageIndex.mayNameByline(e.className());
            tokens = named ? BoilerplateHints.tokens(e) : BoilerplateHints.NO_TOKENS;
            index.visit(e, tokens);
        }
        if (node == body) {
            insideBody = true;
        }
        if (!insideBody) {
            return FilterResult.CONTINUE;
        }
        if (node instanceof Comment || node instanceof Element el && node != body
                && (BoilerplateHints.DROPPED_TAGS.contains(el.normalName()) || BoilerplateHints.isHidden(el))) {
            neverText.add(node);
            return FilterResult.SKIP_ENTIRELY;
        }
        if (node instanceof Element e && e != body) {
            if (BoilerplateHints.FURNITURE_TAGS.contains(e.normalName()) || BoilerplateHints.isNegative(e, tokens)) {
                furniture.add(e);
            }
            if (BoilerplateHints.isHeading(e, tokens)) {
                headings.add(e);
            }
        }
        return collector.head(node, depth);
    }

    @Override
    public FilterResult tail(Node node, int depth) {
        if (!insideBody) {
            return FilterResult.CONTINUE;
        }
        if (node == body) {
            insideBody = false;
        }
        return collector.tail(node, depth);
    }
}
