package io.newsflow.enrich.extract.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeFilter;

/**
 * Text statistics of every block element, gathered in one iterative walk: the text a block owns
 * (text whose nearest block ancestor it is), how much of it is link text, and subtree totals of
 * "good" (paragraph-like prose) and "bad" (link lists, short fragments) text.
 */
final class BlockStats {

    /** Figures of one block element; subtree totals include the block's own text. */
    static final class Stat {
        int own;
        int ownLink;
        int ownPunct;
        int leadLink;
        boolean leadDone;
        int all;
        int link;
        int good;
        int bad;
        int paragraphs;
    }

    private final Map<Element, Stat> stats = new IdentityHashMap<>();

    private BlockStats() {
    }

    static BlockStats of(Element root) {
        BlockStats s = new BlockStats();
        NodeTraversor.filter(s.collector(), root);
        return s;
    }

    /** An empty table to be filled by driving {@link #collector()} from another walk. */
    static BlockStats empty() {
        return new BlockStats();
    }

    /** A filter that fills this table as it is walked over a subtree. */
    NodeFilter collector() {
        return new Collector();
    }

    Stat get(Element e) {
        return stats.get(e);
    }

    Map<Element, Stat> all() {
        return stats;
    }

    static boolean isBlock(Element e) {
        return BoilerplateHints.BLOCK_TAGS.contains(e.normalName());
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

    private final class Collector implements NodeFilter {
        private final Deque<Stat> open = new ArrayDeque<>();
        private int anchorDepth;

        @Override
        public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode t) {
                count(t.getWholeText());
            } else if (node instanceof Element e) {
                if (e.normalName().equals("a")) {
                    anchorDepth++;
                }
                if (isBlock(e)) {
                    Stat s = new Stat();
                    stats.put(e, s);
                    open.push(s);
                }
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (!(node instanceof Element e)) {
                return FilterResult.CONTINUE;
            }
            if (e.normalName().equals("a")) {
                anchorDepth--;
            }
            if (isBlock(e)) {
                Stat s = open.pop();
                close(e, s);
                Stat parent = open.peek();
                if (parent != null) {
                    parent.all += s.all;
                    parent.link += s.link;
                    parent.good += s.good;
                    parent.bad += s.bad;
                    parent.paragraphs += s.paragraphs;
                }
            }
            return FilterResult.CONTINUE;
        }

        private void close(Element e, Stat s) {
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

        /** Counts characters with whitespace runs collapsed, as a reader sees them. */
        private void count(String text) {
            Stat top = open.peek();
            if (top == null) {
                return;
            }
            int n = 0;
            int punct = 0;
            boolean space = true;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c <= ' ' ? c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'
                        : c >= 0x80 && (c == '\u00a0' || Character.isWhitespace(c))) {
                    if (!space) {
                        n++;
                        space = true;
                    }
                } else {
                    n++;
                    space = false;
                    if (c == '.' || c == ',' || c == '!' || c == '?' || c == ';' || c == '\u3002' || c == '\uff0c') {
                        punct++;
                    }
                }
            }
            top.own += n;
            top.ownPunct += punct;
            if (anchorDepth > 0) {
                top.ownLink += n;
                if (!top.leadDone) {
                    top.leadLink += n;
                }
            } else if (n > 1) {
                top.leadDone = true;
            }
        }
    }
}
