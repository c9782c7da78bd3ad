package io.newsflow.enrich.extract.internal;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Removes what is never article text (scripts, embeds, hidden elements), page furniture named as
 * such (nav, aside, share bars, related links...) and teaser cards. Furniture-named wrappers that
 * hold most of the page's prose are kept: they are layout containers mis-named for our purpose.
 */
final class DomCleaner implements NodeFilter {

    private static final double PROTECT_SHARE = 0.6;
    private static final int TEASER_MAX_PROSE = 500;
    private static final int TEASER_MAX_CLIMB = 4;

    private final Element body;
    private final BlockStats stats;
    private final int protectAbove;
    private final List<Element> doomed = new ArrayList<>();

    private DomCleaner(Element body, BlockStats stats) {
        this.body = body;
        this.stats = stats;
        BlockStats.Stat total = stats.get(body);
        this.protectAbove = total == null ? Integer.MAX_VALUE : (int) (total.good * PROTECT_SHARE);
    }

    static void clean(Element body) {
        List<Node> neverText = new ArrayList<>();
        BlockStats stats = BlockStats.ofVisible(body, neverText);
        neverText.forEach(Node::remove);
        DomCleaner cleaner = new DomCleaner(body, stats);
        NodeTraversor.filter(cleaner, body);
        cleaner.doomed.forEach(Node::remove);
    }

    @Override
    public FilterResult head(Node node, int depth) {
        if (!(node instanceof Element e) || e == body) {
            return FilterResult.CONTINUE;
        }
        if (isFurniture(e)) {
            BlockStats.Stat s = stats.get(e);
            int good = s != null ? s.good : inlineGood(e);
            if (good <= protectAbove || good == 0) {
                doomed.add(e);
                if (e.normalName().equals("header")) {
                    markTeaserOfHeader(e);
                }
                return FilterResult.SKIP_ENTIRELY;
            }
        }
        if (isHeading(e) && isLinkedHeadline(e)) {
            Element card = teaserCard(e);
            if (card != null) {
                doomed.add(card);
            }
        }
        return FilterResult.CONTINUE;
    }

    /** Teaser cards often wrap their linked headline in a {@code <header>}, which is furniture itself. */
    private void markTeaserOfHeader(Element header) {
        for (Element heading : header.getAllElements()) {
            if (heading != header && isHeading(heading) && isLinkedHeadline(heading)) {
                Element card = teaserCard(heading);
                if (card != null) {
                    doomed.add(card);
                }
                return;
            }
        }
    }

    private static boolean isHeading(Element e) {
        String tag = e.normalName();
        if (tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6') {
            return true;
        }
        for (String t : BoilerplateHints.tokens(e)) {
            if (t.equals("headline") || t.equals("title")) {
                return true;
            }
        }
        return false;
    }

    /**
     * A teaser card is a linked headline plus a short summary, as in related-story and home-page
     * lists: the nearest ancestor of the headline holding any prose, if that prose is short.
     */
    private Element teaserCard(Element heading) {
        Element card = heading.parent();
        for (int up = 0; card != null && card != body && up < TEASER_MAX_CLIMB; up++, card = card.parent()) {
            BlockStats.Stat s = stats.get(card);
            if (s != null && s.good > 0) {
                boolean single = s.good < TEASER_MAX_PROSE && card.select("h1, h2, h3, h4, h5, h6").size() <= 1;
                return single ? card : null;
            }
        }
        return null;
    }

    private static boolean isLinkedHeadline(Element heading) {
        Element link = heading.selectFirst("a[href]");
        if (link == null) {
            return false;
        }
        int text = heading.text().length();
        return text >= 15 && text < 200 && link.text().length() * 2 >= text;
    }

    /** Prose held by the blocks inside an inline element (a span wrapping a whole post body). */
    private int inlineGood(Element e) {
        int good = 0;
        for (Element child : e.children()) {
            BlockStats.Stat s = stats.get(child);
            good += s != null ? s.good : child.childrenSize() > 0 ? inlineGood(child) : 0;
        }
        return good;
    }

    private static boolean isFurniture(Element e) {
        return BoilerplateHints.FURNITURE_TAGS.contains(e.normalName()) || BoilerplateHints.isNegative(e);
    }
}
