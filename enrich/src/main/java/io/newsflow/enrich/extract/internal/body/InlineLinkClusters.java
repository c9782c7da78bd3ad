package io.newsflow.enrich.extract.internal.body;

import io.newsflow.enrich.extract.internal.walk.BlockStats;
import io.newsflow.enrich.extract.internal.walk.TextMatch;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeFilter;

/**
 * Finds link clusters nested inside a sentence: an inline element within a paragraph that is
 * nothing but several links (a hover card naming a person, with a few of their headlines), whose
 * links would make the whole paragraph read as a link list. Removed as a unit, they leave the
 * paragraph to be judged on its own words; a link that is part of the sentence stays.
 */
final class InlineLinkClusters {

    /** A cluster holds at least this many links: one or two are words of the sentence. */
    private static final int MIN_LINKS = 3;
    /** Text of a cluster outside its links is at most this share of its linked text (separators, a caption). */
    private static final double MAX_UNLINKED_SHARE = 0.1;
    /** What the paragraph says outside its links, clusters aside, for it to be a sentence worth keeping. */
    private static final int MIN_SENTENCE_CHARS = 20;
    /** Only paragraphs whose links cover this share of their text are looked into: others are prose already. */
    private static final double MIN_LINK_SHARE = 0.3;

    private InlineLinkClusters() {
    }

    /** The link clusters inside the link-heavy paragraphs of {@code stats}'s table. */
    static List<Element> find(BlockStats stats) {
        List<Element> clusters = new ArrayList<>();
        for (Map.Entry<Element, BlockStats.Stat> entry : stats.all().entrySet()) {
            BlockStats.Stat s = entry.getValue();
            Element e = entry.getKey();
            if (s.link > s.all * MIN_LINK_SHARE && s.all - s.link >= MIN_SENTENCE_CHARS
                    && e.normalName().equals("p")) {
                clustersIn(e, clusters);
            }
        }
        return clusters;
    }

    /** Adds the outermost link clusters of paragraph {@code p} to {@code out}, if its sentence survives them. */
    private static void clustersIn(Element p, List<Element> out) {
        Map<Element, Tally> tallies = tally(p);
        Tally whole = tallies.get(p);
        if (whole.links < MIN_LINKS) {
            return;
        }
        List<Element> found = new ArrayList<>();
        int unlinked = whole.chars - whole.linked;
        int linked = whole.linked;
        Deque<Element> pending = new ArrayDeque<>(p.children());
        while (!pending.isEmpty()) {
            Element e = pending.poll();
            Tally t = tallies.get(e);
            if (t == null) {
                continue;
            }
            if (t.isCluster()) {
                Element card = innermost(e, tallies);
                Tally c = tallies.get(card);
                found.add(card);
                unlinked -= c.chars - c.linked;
                linked -= c.linked;
            } else {
                pending.addAll(e.children());
            }
        }
        // The clusters must be what made the paragraph look like links, and words must be left.
        if (!found.isEmpty() && unlinked >= MIN_SENTENCE_CHARS && linked * 2 < whole.linked) {
            out.addAll(found);
        }
    }

    /**
     * Goes down from cluster {@code e} into a child holding all its links but one: that one is the
     * sentence's own link to the card's subject, which the card wraps together with it.
     */
    private static Element innermost(Element e, Map<Element, Tally> tallies) {
        Element card = e;
        boolean deeper = true;
        while (deeper) {
            deeper = false;
            int links = tallies.get(card).links;
            for (Element child : card.children()) {
                Tally t = tallies.get(child);
                if (t != null && t.isCluster() && t.links >= links - 1) {
                    card = child;
                    deeper = true;
                    break;
                }
            }
        }
        return card;
    }

    /**
     * Counts links and text of {@code p} and of each inline element in it, other than links, in one walk;
     * blocks nested in the paragraph are left out (they have figures of their own).
     */
    private static Map<Element, Tally> tally(Element p) {
        Map<Element, Tally> tallies = new IdentityHashMap<>();
        Deque<Tally> open = new ArrayDeque<>();
        NodeTraversor.filter(new NodeFilter() {
            private int anchorDepth;

            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    Tally top = open.peek();
                    int n = visibleChars(t.getWholeText());
                    top.chars += n;
                    top.linked += anchorDepth > 0 ? n : 0;
                } else if (node instanceof Element e) {
                    if (e != p && BlockStats.isBlock(e)) {
                        return FilterResult.SKIP_ENTIRELY;
                    }
                    if (isAnchor(e)) {
                        anchorDepth++;
                        open.peek().links++;
                    } else {
                        Tally t = new Tally();
                        tallies.put(e, t);
                        open.push(t);
                    }
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (node instanceof Element e) {
                    if (isAnchor(e)) {
                        anchorDepth--;
                    } else {
                        Tally t = open.pop();
                        if (!open.isEmpty()) {
                            open.peek().add(t);
                        }
                    }
                }
                return FilterResult.CONTINUE;
            }
        }, p);
        return tallies;
    }

    private static boolean isAnchor(Element e) {
        return e.normalName().equals("a");
    }

    /** Characters other than whitespace: separators between a cluster's links do not count as words. */
    private static int visibleChars(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (!TextMatch.isSpace(text.charAt(i))) {
                n++;
            }
        }
        return n;
    }

    /** Links and text of an element and what it holds. */
    private static final class Tally {
        int links;
        int chars;
        int linked;

        void add(Tally t) {
            links += t.links;
            chars += t.chars;
            linked += t.linked;
        }

        boolean isCluster() {
            return links >= MIN_LINKS && linked > 0 && chars - linked <= linked * MAX_UNLINKED_SHARE;
        }
    }
}
