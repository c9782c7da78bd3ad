package io.newsflow.enrich.extract.internal.body;

import io.newsflow.enrich.extract.internal.walk.BlockStats;
import io.newsflow.enrich.extract.internal.walk.BoilerplateHints;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

/**
 * Picks the element holding the article: the block maximising prose minus a penalty for
 * furniture text beneath it, plus sibling blocks that continue the article (split bodies).
 */
final class ContentLocator {

    /** Compiled once: jsoup would re-parse a selector string on every call (Evaluators are thread-safe). */
    private static final Evaluator LINKED_HEADING =
            Selector.evaluatorOf("h1 a[href], h2 a[href], h3 a[href], h4 a[href], h5 a[href]");

    private static final double BAD_WEIGHT = 0.5;
    private static final double POSITIVE_BONUS = 1.1;

    private ContentLocator() {
    }

    /** The chosen roots in document order; empty when the page has no prose at all. */
    static List<Element> locate(Element body, BlockStats stats) {
        Element best = null;
        double bestScore = 0;
        for (Map.Entry<Element, BlockStats.Stat> entry : stats.all().entrySet()) {
            BlockStats.Stat s = entry.getValue();
            if (s.good == 0) {
                continue;
            }
            double score = score(entry.getKey(), s);
            if ((score > bestScore || score == bestScore && best != null && isOuter(entry.getKey(), best))
                    && stats.attached(entry.getKey())) {
                bestScore = score;
                best = entry.getKey();
            }
        }
        if (best == null) {
            return List.of();
        }
        return withSiblings(best, stats);
    }

    /**
     * Breaks a tie between equal scores, which the table's identity order would settle at random: the
     * outer of two nested blocks (it adds only neutral text such as subheadings).
     */
    private static boolean isOuter(Element candidate, Element best) {
        for (Element up = best.parent(); up != null; up = up.parent()) {
            if (up == candidate) {
                return true;
            }
        }
        return false;
    }

    /**
     * The element named as the article body (an article tag, itemprop articleBody, two content words such as
     * "entry-content") holding the most text, for pages with little prose; null if there is none.
     */
    static Element namedBody(BlockStats stats) {
        Element best = null;
        int bestAll = 0;
        for (Map.Entry<Element, BlockStats.Stat> entry : stats.all().entrySet()) {
            Element e = entry.getKey();
            int all = entry.getValue().all;
            if (all > bestAll && BoilerplateHints.isPositive(e) && stats.attached(e)) {
                best = e;
                bestAll = all;
            }
        }
        return best;
    }

    static double score(Element e, BlockStats.Stat s) {
        double score = s.good - BAD_WEIGHT * s.bad;
        return BoilerplateHints.isPositive(e) ? score * POSITIVE_BONUS : score;
    }

    private static List<Element> withSiblings(Element best, BlockStats stats) {
        Element parent = best.parent();
        List<Element> roots = new ArrayList<>();
        if (parent == null) {
            roots.add(best);
            return roots;
        }
        BlockStats.Stat bestStat = stats.get(best);
        double threshold = Math.max(40, bestStat.good * 0.1);
        for (Element sibling : parent.children()) {
            if (sibling == best) {
                roots.add(sibling);
                continue;
            }
            BlockStats.Stat s = stats.get(sibling);
            if (s != null && s.good >= threshold && score(sibling, s) > 0 && s.link * 3 < s.all
                    && sibling.selectFirst(LINKED_HEADING) == null) {
                roots.add(sibling);
            }
        }
        return roots;
    }
}
