package io.newsflow.enrich.extract.internal;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * Removes what {@link PageWalk} found to be never article text (scripts, embeds, hidden elements),
 * page furniture named as such (nav, aside, share bars, related links...) and teaser cards.
 * Furniture-named wrappers holding most of the page's prose are kept: they are layout containers
 * mis-named for our purpose. Elements whose names weigh as much for content as for furniture are
 * removed only when they hold no prose.
 */
final class DomCleaner {


    private static final double PROTECT_SHARE = 0.6;
    private static final int TEASER_MAX_PROSE = 500;
    private static final int TEASER_MAX_CLIMB = 4;

    private final Element body;
    private final BlockStats stats;
    private final int protectAbove;

    private DomCleaner(Element body, BlockStats stats) {
        this.body = body;
        this.stats = stats;
        BlockStats.Stat total = stats.get(body);
        this.protectAbove = total == null ? Integer.MAX_VALUE : (int) (total.good * PROTECT_SHARE);
    }

    static void clean(PageWalk walk) {
        DomCleaner cleaner = new DomCleaner(walk.body(), walk.stats());
        List<Element> doomed = new ArrayList<>();
        for (Element e : walk.furniture) {
            BlockStats.Stat s = cleaner.stats.get(e);
            int good = s != null ? s.good : cleaner.inlineGood(e);
            if (good <= cleaner.protectAbove || good == 0) {
                doomed.add(e);
            }
        }
        for (Element e : walk.contested) {
            BlockStats.Stat s = cleaner.stats.get(e);
            if ((s != null ? s.good : cleaner.inlineGood(e)) == 0) {
                doomed.add(e);
            }
        }
        for (Element heading : walk.headings) {
            if (isLinkedHeadline(heading)) {
                Element card = cleaner.teaserCard(heading);
                if (card != null) {
                    doomed.add(card);
                }
            }
        }
        walk.neverText.forEach(Node::remove);
        cleaner.stats.remove(doomed);
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
                boolean single = s.good < TEASER_MAX_PROSE && DomSearch.headingsUpTo(card, 2) <= 1;
                return single ? card : null;
            }
        }
        return null;
    }

    private static boolean isLinkedHeadline(Element heading) {
        Element link = DomSearch.firstLink(heading);
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
}
