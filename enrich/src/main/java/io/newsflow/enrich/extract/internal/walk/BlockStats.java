package io.newsflow.enrich.extract.internal.walk;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Text statistics of every block element, gathered in one iterative walk: the text a block owns
 * (text whose nearest block ancestor it is), how much of it is link text, and subtree totals of
 * "good" (paragraph-like prose) and "bad" (link lists, short fragments) text.
 */
public final class BlockStats {

    /** Figures of one block element; subtree totals include the block's own text. */
    public static final class Stat {
        public int own;
        int ownLink;
        int ownPunct;
        int leadLink;
        boolean leadDone;
        public int all;
        public int link;
        public int good;
        public int bad;
        int paragraphs;
    }

    private static final byte SPACE = 1;
    private static final byte PUNCT = 2;
    /** Space or sentence punctuation, for ASCII characters: text counting looks at every character of a page. */
    private static final byte[] ASCII_KINDS = new byte[0x80];

    static {
        for (char c : " \n\t\r\f".toCharArray()) {
            ASCII_KINDS[c] = SPACE;
        }
        for (char c : ".,!?;".toCharArray()) {
            ASCII_KINDS[c] = PUNCT;
        }
    }

    /** Sized for a typical article page's few hundred blocks, so that the table is rarely regrown. */
    private final Map<Element, Stat> stats = new IdentityHashMap<>(512);
    /** The element the table was gathered under; entries of elements since detached from it are stale. */
    private Element root;

    private BlockStats() {
    }

    /** Sets the element the table is gathered under (the walk that fills it starts there). */
    void root(Element root) {
        this.root = root;
    }

    /**
     * Whether {@code e} is still in the tree the table describes; {@link #all()} keeps entries of
     * blocks removed by {@link #remove}, so that removing never walks the removed subtrees.
     */
    public boolean attached(Element e) {
        for (Node up = e; up != null; up = up.parentNode()) {
            if (up == root) {
                return true;
            }
        }
        return false;
    }

    /**
     * Removes {@code doomed} from the tree and brings the table up to date as a fresh walk of the
     * remaining tree would: only the blocks above a removed element change, so only they are counted
     * again (their own text, plus their child blocks' totals), deepest first.
     */
    public void remove(List<Element> doomed) {
        if (doomed.isEmpty()) {
            return;
        }
        Set<Element> dirty = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element e : doomed) {
            // Stop at an ancestor already marked: the chain above it is marked too.
            for (Element up = e.parent(); up != null && dirty.add(up) && up != root; up = up.parent()) {
                // marking
            }
        }
        doomed.forEach(Node::remove);
        if (dirty.contains(root)) {
            recount(root, 0, dirty);
        }
    }

    /** Counts {@code block} again from its own text and its child blocks, recounting dirty ones first. */
    private Stat recount(Element block, int anchors, Set<Element> dirty) {
        Stat s = new Stat();
        stats.put(block, s);
        NodeTraversor.filter(new NodeFilter() {
            private int anchorDepth = anchors;

            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    count(s, t.getWholeText(), anchorDepth > 0);
                } else if (node instanceof Element e && e != block) {
                    if (isBlock(e)) {
                        Stat child = dirty.contains(e) || stats.get(e) == null ? recount(e, anchorDepth, dirty)
                                : stats.get(e);
                        addTotals(s, child);
                        return FilterResult.SKIP_ENTIRELY;
                    }
                    if (e.normalName().equals("a")) {
                        anchorDepth++;
                    }
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (node instanceof Element e && e != block && e.normalName().equals("a")) {
                    anchorDepth--;
                }
                return FilterResult.CONTINUE;
            }
        }, block);
        close(block, s);
        return s;
    }

    private static void addTotals(Stat parent, Stat s) {
        parent.all += s.all;
        parent.link += s.link;
        parent.good += s.good;
        parent.bad += s.bad;
        parent.paragraphs += s.paragraphs;
    }

    /** An empty table to be filled by driving {@link #collector()} from another walk. */
    static BlockStats empty() {
        return new BlockStats();
    }

    /** A filter that fills this table as it is walked over a subtree. */
    Collector collector() {
        return new Collector();
    }

    /** The figures of block {@code e}; null for inline elements, which are not looked up (that would hash them). */
    public Stat get(Element e) {
        return isBlock(e) ? stats.get(e) : null;
    }

    public Map<Element, Stat> all() {
        return stats;
    }

    public static boolean isBlock(Element e) {
        return (BoilerplateHints.kind(e.normalName()) & BoilerplateHints.BLOCK) != 0;
    }

    private static boolean isCell(String tag) {
        return tag.equals("td") || tag.equals("th");
    }

    /** Whether a block's own text reads like article prose rather than furniture. */
    static boolean isGood(Element block, Stat s) {
        if (s.own == 0 || s.ownLink * 10 > s.own * 3) {
            return false;
        }
        String tag = block.normalName();
        if (tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) != 'r') {
            return false;
        }
        if (s.leadLink >= 20) {
            // Text that opens with a long link is a teaser: headline link followed by its summary.
            return false;
        }
        return s.own >= 80 || (s.own >= 30 && s.ownPunct > 0 && !tag.equals("li") && !tag.equals("td"));
    }

    /** Fills the table from a walk: {@link #text} for each text node, {@link #enter}/{@link #exit} around elements. */
    public final class Collector {
        private final Deque<Stat> open = new ArrayDeque<>();
        private int anchorDepth;

        void text(TextNode t) {
            count(t.getWholeText());
        }

        /** Opens element {@code e}, whose {@link BoilerplateHints#kind} is {@code kind}. */
        void enter(Element e, int kind) {
            if ((kind & BoilerplateHints.ANCHOR) != 0) {
                anchorDepth++;
            }
            if ((kind & BoilerplateHints.BLOCK) != 0) {
                Stat s = new Stat();
                stats.put(e, s);
                open.push(s);
            }
        }

        void exit(Element e, int kind) {
            if ((kind & BoilerplateHints.ANCHOR) != 0) {
                anchorDepth--;
            }
            if ((kind & BoilerplateHints.BLOCK) != 0) {
                Stat s = open.pop();
                close(e, s);
                Stat parent = open.peek();
                if (parent != null) {
                    addTotals(parent, s);
                }
            }
        }

        private void count(String text) {
            Stat top = open.peek();
            if (top != null) {
                BlockStats.count(top, text, anchorDepth > 0);
            }
        }
    }

    /** Adds a block's own text {@code text} to {@code s}, with whitespace runs collapsed, as a reader sees it. */
    private static void count(Stat s, String text, boolean inLink) {
        int n = 0;
        int punct = 0;
        boolean space = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > '?' && c < 0x80) {
                // Letters and most symbols: neither space nor sentence punctuation.
                n++;
                space = false;
                continue;
            }
            int kind = c < 0x80 ? ASCII_KINDS[c]
                    : TextMatch.isSpace(c) ? SPACE : c == '\u3002' || c == '\uff0c' ? PUNCT : 0;
            if (kind == SPACE) {
                if (!space) {
                    n++;
                    space = true;
                }
            } else {
                n++;
                space = false;
                if (kind == PUNCT) {
                    punct++;
                }
            }
        }
        s.own += n;
        s.ownPunct += punct;
        if (inLink) {
            s.ownLink += n;
            if (!s.leadDone) {
                s.leadLink += n;
            }
        } else if (n > 1) {
            s.leadDone = true;
        }
    }

    /** Folds a finished block's own text into its totals and judges it good (prose) or bad (furniture). */
    private static void close(Element e, Stat s) {
        s.all += s.own;
        s.link += s.ownLink;
        String tag = e.normalName();
        boolean heading = tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) != 'r';
        if (isGood(e, s)) {
            s.good += s.own - s.ownLink;
            s.bad += s.ownLink;
            s.paragraphs++;
        } else if (!(heading || isCell(tag)) || s.ownLink * 2 > s.own) {
            // Headings and data-table cells are short by nature: neutral unless they are links.
            s.bad += s.own;
        }
    }
}
