package io.newsflow.enrich.extract.internal.body;

import io.newsflow.enrich.extract.internal.walk.BlockStats;
import io.newsflow.enrich.extract.internal.walk.BoilerplateHints;
import io.newsflow.enrich.extract.internal.walk.PageWalk;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * Removes what {@link PageWalk} found to be never article text (scripts, embeds, hidden elements),
 * page furniture named as such (nav, aside, share bars, related links...) and teaser cards.
 * Furniture-named wrappers holding most of the page's prose are kept: they are layout containers
 * mis-named for our purpose. Elements whose names weigh as much for content as for furniture are
 * removed only when they hold no prose, and so are parts of such a wrapper named only with its words.
 * Link clusters nested in a sentence ({@link InlineLinkClusters}) go too, so that their paragraph stays.
 */
final class DomCleaner {

    private static final double PROTECT_SHARE = 0.6;
    private static final int TEASER_MAX_PROSE = 500;
    /** An inline element (a span around a paragraph's text) holding this much text holds prose. */
    private static final int MIN_INLINE_PROSE = 80;
    private static final int TEASER_MAX_CLIMB = 4;

    private final Element body;
    private final BlockStats stats;
    private final int protectAbove;
    private final int pageGood;
    /** Prose above which a part of the main furniture-named wrapper is kept, see {@link #mainFurniture}. */
    private int mainProtectAbove = Integer.MAX_VALUE;

    private DomCleaner(Element body, BlockStats stats) {
        this.body = body;
        this.stats = stats;
        BlockStats.Stat total = stats.get(body);
        this.pageGood = total == null ? 0 : total.good;
        this.protectAbove = total == null ? Integer.MAX_VALUE : (int) (total.good * PROTECT_SHARE);
    }

    static void clean(PageWalk walk) {
        DomCleaner cleaner = new DomCleaner(walk.body(), walk.stats());
        List<Element> doomed = new ArrayList<>();
        Map<Element, Set<String>> layout = new IdentityHashMap<>();
        Element main = cleaner.mainFurniture(walk.furniture);
        for (Element e : walk.furniture) {
            BlockStats.Stat s = cleaner.stats.get(e);
            int good = s != null ? s.good : cleaner.inlineGood(e);
            if (good == 0) {
                doomed.add(e);
            } else if (good > cleaner.protectAbove || main != null && good > cleaner.mainProtectAbove
                    && cleaner.isWithin(e, main)) {
                layout.put(e, BoilerplateHints.furnitureWords(e));
            } else if (layout.isEmpty() || !cleaner.isLayoutNamed(e, layout)) {
                doomed.add(e);
            }
        }
        for (Element e : walk.contested) {
            BlockStats.Stat s = cleaner.stats.get(e);
            if (s != null ? s.good == 0 : cleaner.inlineGood(e) == 0 && e.text().length() < MIN_INLINE_PROSE) {
                doomed.add(e);
            }
        }
        doomed.addAll(cleaner.teaserCards(walk.headings));
        doomed.addAll(InlineLinkClusters.find(cleaner.stats));
        walk.neverText.forEach(Node::remove);
        cleaner.stats.remove(doomed);
    }

    /**
     * Of the outermost furniture-named elements whose names carry a content word too ("entry share"), the
     * one holding the most prose: it is kept when it holds most of the prose left outside the other
     * outermost ones (comments, related stories, footers), since comments often run longer than the article
     * and its share of all the page's prose would not tell. Sets {@link #mainProtectAbove}; null when there
     * is none.
     */
    private Element mainFurniture(List<Element> furniture) {
        Set<Element> outermost = Collections.newSetFromMap(new IdentityHashMap<>());
        Element main = null;
        int mainGood = 0;
        long outermostGood = 0;
        for (Element e : furniture) {
            if (isWithinAny(e, outermost)) {
                continue;
            }
            outermost.add(e);
            BlockStats.Stat s = stats.get(e);
            int good = s != null ? s.good : inlineGood(e);
            outermostGood += good;
            if (good > mainGood && BoilerplateHints.hasContentWord(e)) {
                main = e;
                mainGood = good;
            }
        }
        if (main == null) {
            return null;
        }
        long left = pageGood - (outermostGood - mainGood);
        mainProtectAbove = (int) (left * PROTECT_SHARE);
        return main;
    }

    private boolean isWithinAny(Element e, Set<Element> outer) {
        for (Element up = e.parent(); up != null && up != body; up = up.parent()) {
            if (outer.contains(up)) {
                return true;
            }
        }
        return false;
    }

    private boolean isWithin(Element e, Element outer) {
        for (Element up = e; up != null && up != body; up = up.parent()) {
            if (up == outer) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code e}, holding prose, is named only with words of a wrapper around it that holds most of
     * the page's prose ({@code layout}): such a page uses them for its own layout ("widget" blocks of a
     * page builder), so they do not make its parts furniture. Walks are in document order, so wrappers
     * are met before what they hold.
     */
    private boolean isLayoutNamed(Element e, Map<Element, Set<String>> layout) {
        for (Element up = e.parent(); up != null && up != body; up = up.parent()) {
            Set<String> words = layout.get(up);
            if (words != null) {
                return words.containsAll(BoilerplateHints.furnitureWords(e));
            }
        }
        return false;
    }

    /**
     * Teaser cards come in lists, or stand beside more prose than their own: a lone card holding most of
     * the page's prose is the page's own short post, whose title links to itself.
     */
    private List<Element> teaserCards(List<Element> headings) {
        List<Element> cards = new ArrayList<>();
        for (Element heading : headings) {
            if (isLinkedHeadline(heading)) {
                Element card = teaserCard(heading);
                if (card != null) {
                    cards.add(card);
                }
            }
        }
        Map<Element, Integer> hosts = new IdentityHashMap<>();
        for (Element card : cards) {
            for (Element host : hostsOf(card)) {
                hosts.merge(host, 1, Integer::sum);
            }
        }
        List<Element> teasers = new ArrayList<>();
        for (Element card : cards) {
            if (isListed(card, hosts) || stats.get(card).good * 2 < pageGood) {
                teasers.add(card);
            }
        }
        return teasers;
    }

    private static boolean isListed(Element card, Map<Element, Integer> hosts) {
        for (Element host : hostsOf(card)) {
            if (hosts.get(host) > 1) {
                return true;
            }
        }
        return false;
    }

    /** The parent and grandparent of {@code card}, where a list of cards would be held. */
    private static List<Element> hostsOf(Element card) {
        Element parent = card.parent();
        if (parent == null) {
            return List.of();
        }
        Element grandparent = parent.parent();
        return grandparent == null ? List.of(parent) : List.of(parent, grandparent);
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
