package io.newsflow.enrich.extract.internal.walk;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
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
    private final BlockStats.Collector collector = stats.collector();
    public final List<Element> neverText = new ArrayList<>();
    public final List<Element> furniture = new ArrayList<>();
    /** Elements whose names say furniture and content alike: removed only when they hold no prose. */
    public final List<Element> contested = new ArrayList<>();
    public final List<Element> headings = new ArrayList<>();
    private Element body;
    /** True between entering and leaving the body: the walk visits nodes in document order. */
    private boolean insideBody;

    private PageWalk() {
    }

    /** Walks {@code doc} once; the document is not modified. */
    public static PageWalk of(Document doc) {
        PageWalk walk = new PageWalk();
        walk.body = doc.body();
        walk.stats.root(walk.body);
        NodeTraversor.filter(walk, doc);
        return walk;
    }

    public PageIndex index() {
        return index;
    }

    public BlockStats stats() {
        return stats;
    }

    public Element body() {
        return body;
    }

    @Override
    public FilterResult head(Node node, int depth) {
        if (node instanceof Element e) {
            return enter(e);
        }
        // Comments (and script data) are never counted or rendered, so they may stay in the tree.
        if (insideBody && node instanceof TextNode t) {
            collector.text(t);
        }
        return FilterResult.CONTINUE;
    }

    private FilterResult enter(Element e) {
        int kind = BoilerplateHints.kind(e.normalName());
        ElementNames names = ElementNames.of(e);
        // Names only matter in the body. Links and text formatting are never furniture containers: name
        // them only for byline rules.
        boolean named = names != ElementNames.NONE && (insideBody || e == body)
                && ((kind & BoilerplateHints.PLAIN_INLINE) == 0 || PageIndex.mayNameByline(names.cls()));
        String[] tokens = named ? BoilerplateHints.tokens(names) : BoilerplateHints.NO_TOKENS;
        index.visit(e, tokens, names);
        if (e == body) {
            insideBody = true;
            collector.enter(e, kind);
            return FilterResult.CONTINUE;
        }
        if (!insideBody) {
            return FilterResult.CONTINUE;
        }
        if ((kind & BoilerplateHints.DROPPED) != 0 || BoilerplateHints.isHiddenByAttributes(names)) {
            neverText.add(e);
            return FilterResult.SKIP_ENTIRELY;
        }
        int verdict = BoilerplateHints.furniture(e, tokens, names.role());
        if ((kind & BoilerplateHints.FURNITURE) != 0 || verdict == BoilerplateHints.FURNITURE_NAMED) {
            furniture.add(e);
        } else if (verdict == BoilerplateHints.CONTESTED) {
            contested.add(e);
        }
        if (BoilerplateHints.isHeading(e, tokens)) {
            headings.add(e);
        }
        collector.enter(e, kind);
        return FilterResult.CONTINUE;
    }

    @Override
    public FilterResult tail(Node node, int depth) {
        if (insideBody && node instanceof Element e) {
            if (e == body) {
                insideBody = false;
            }
            collector.exit(e, BoilerplateHints.kind(e.normalName()));
        }
        return FilterResult.CONTINUE;
    }
}
