package io.newsflow.enrich.extract.internal.body;

import io.newsflow.enrich.extract.internal.walk.BlockStats;
import io.newsflow.enrich.extract.internal.walk.BoilerplateHints;
import io.newsflow.enrich.extract.internal.walk.TextMatch;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Renders the chosen elements as plain text in one DOM walk: blocks become paragraphs separated
 * by a blank line, list items and {@code <br>} become line breaks, whitespace is collapsed, and
 * link lists or headline blocks inside the article are skipped. Asked for, the same walk also writes
 * Markdown of what it keeps ({@link MarkdownWriter}), taken back with the text when a block is.
 */
final class TextRenderer implements NodeFilter {

    private static final int KEEP = 0;
    private static final int SKIP = 1;
    private static final int TRIAL = 2;
    private static final int MIN_UNLINKED_WORDS_CHARS = 20;
    private static final int MIN_LINK_LIST_ITEMS = 3;
    private static final int LINK_LIST_MIN_LINK_PERCENT = 35;
    private static final int MAX_LINKS_IN_SENTENCE = 2;
    /** A standfirst this long is a lead paragraph rather than a one-line subtitle: see {@link #isStandfirst}. */
    private static final int MIN_LEAD_CHARS = 150;

    /** Pre-sized for a typical article, so that the buffer is rarely regrown while rendering. */
    private final StringBuilder out = new StringBuilder(8192);
    private final BlockStats stats;
    private final String standfirst;
    private final String headline;
    private Element root;
    /** Whether link lists are kept: in a page with no prose, they are what the post is made of. */
    private boolean keepLinkLists;
    /** Blocks being rendered on trial, innermost first. */
    private final Deque<Trial> trials = new ArrayDeque<>();
    private int pendingBreak;
    private boolean pendingSpace;
    /** Markdown of the same content, or null when only the text is asked for. */
    private final MarkdownWriter markdown;

    private TextRenderer(BlockStats stats, String description, String title, MarkdownWriter markdown) {
        this.stats = stats;
        this.markdown = markdown;
        this.headline = title == null ? null : TextMatch.normalize(title);
        this.standfirst = description == null ? null : TextMatch.normalize(description);
    }

    /**
     * Renders {@code roots}; blocks repeating the {@code title} or, outside the body's paragraphs, the
     * {@code description} (both may be null) are dropped.
     */
    static String render(List<Element> roots, BlockStats stats, String description, String title) {
        return render(roots, stats, description, title, false);
    }

    /** As {@link #render(List, BlockStats, String, String)}, keeping link lists if {@code keepLinkLists}. */
    static String render(List<Element> roots, BlockStats stats, String description, String title,
            boolean keepLinkLists) {
        TextRenderer r = new TextRenderer(stats, description, title, null);
        r.walk(roots, keepLinkLists);
        return r.out.toString().trim();
    }

    /**
     * As {@link #render(List, BlockStats, String, String, boolean)}, with Markdown of the same content; links
     * the document cannot make absolute are resolved against {@code fallbackBase} (may be null).
     */
    static RenderedBody renderWithMarkdown(List<Element> roots, BlockStats stats, String description, String title,
            boolean keepLinkLists, String fallbackBase) {
        TextRenderer r = new TextRenderer(stats, description, title, new MarkdownWriter(fallbackBase));
        r.walk(roots, keepLinkLists);
        return new RenderedBody(r.out.toString().trim(), r.markdown.result());
    }

    private void walk(List<Element> roots, boolean keepLinkLists) {
        this.keepLinkLists = keepLinkLists;
        for (Element root : roots) {
            this.root = root;
            NodeTraversor.filter(this, root);
            breakLine(2);
            if (markdown != null) {
                markdown.endBlock();
            }
        }
    }

    @Override
    public FilterResult head(Node node, int depth) {
        if (node instanceof TextNode t) {
            String text = t.getWholeText();
            append(text);
            if (markdown != null) {
                markdown.text(text);
            }
        } else if (node instanceof Element e) {
            String tag = e.normalName();
            int kind = BoilerplateHints.kind(tag);
            int verdict = judge(e, kind);
            if (verdict == SKIP) {
                return FilterResult.SKIP_ENTIRELY;
            }
            if (verdict == TRIAL) {
                trials.push(new Trial(e, out.length(), pendingBreak, pendingSpace,
                        markdown == null ? null : markdown.mark()));
            }
            if (tag.equals("br")) {
                breakLine(1);
            } else if (isCell(tag)) {
                pendingSpace = true;
            } else if ((kind & BoilerplateHints.BLOCK) != 0) {
                breakLine(lineBreakOf(tag));
            }
            if (markdown != null) {
                markdown.open(e);
            }
        }
        return FilterResult.CONTINUE;
    }

    @Override
    public FilterResult tail(Node node, int depth) {
        if (node instanceof Element e) {
            if (markdown != null) {
                markdown.close(e);
            }
            if (!trials.isEmpty() && trials.peek().block() == e && isFurnitureOrHeadline(trials.pop())) {
                return FilterResult.CONTINUE;
            }
            if (isCell(e.normalName())) {
                pendingSpace = true;
            } else if (BlockStats.isBlock(e)) {
                breakLine(lineBreakOf(e.normalName()));
            }
        }
        return FilterResult.CONTINUE;
    }

    /**
     * {@link #SKIP} for what is not article text by its figures; {@link #TRIAL} for a short block that may
     * be furniture or the headline by its words, which is rendered and then judged on what it wrote;
     * else {@link #KEEP}.
     */
    private int judge(Element e, int kind) {
        if (e.normalName().equals("h1")) {
            return SKIP;
        }
        if ((kind & BoilerplateHints.BLOCK) == 0) {
            // Only blocks have figures; looking an inline element up would hash it for nothing.
            return KEEP;
        }
        BlockStats.Stat s = stats.get(e);
        if (s == null || s.all == 0 || e == root) {
            return KEEP;
        }
        if (!keepLinkLists && (s.link * 2 > s.all && s.good * 2 < s.all && !isSentenceWithLinks(e, s)
                || isListOfLinks(e, s)) || isStandfirst(e, s)) {
            return SKIP;
        }
        return s.all > BoilerplateText.MAX_TESTED_LENGTH || s.own * 2 <= s.all ? KEEP : TRIAL;
    }

    /**
     * Judges the text a trial block wrote (line breaks read as spaces) and, when it is furniture or the
     * headline, takes it back as if the block had been skipped. Judging what was written spares a
     * second walk of the block for its text, which cost as much as rendering itself.
     */
    private boolean isFurnitureOrHeadline(Trial trial) {
        String written = out.substring(trial.length()).strip();
        if (written.indexOf('\n') >= 0) {
            // Nested blocks or line breaks: read the block as one line, as a reader of its text would.
            written = written.replaceAll("\n+", " ");
        }
        if (!BoilerplateText.isFurniture(written) && !isHeadline(written)) {
            return false;
        }
        out.setLength(trial.length());
        pendingBreak = trial.pendingBreak();
        pendingSpace = trial.pendingSpace();
        if (markdown != null) {
            markdown.reset(trial.markdown());
        }
        return true;
    }

    /** The headline repeated in a plain block (sites that style a div as their title). */
    private boolean isHeadline(String text) {
        return headline != null && headline.length() >= 10 && text.length() < headline.length() * 2
                && TextMatch.normalize(text).equals(headline);
    }

    /**
     * A paragraph whose few links are words of a sentence ("<a>Name</a> has been eliminated from
     * <a>Show</a>") is prose, however much of it the links cover; link lists have many links.
     */
    private static boolean isSentenceWithLinks(Element e, BlockStats.Stat s) {
        return e.normalName().equals("p") && s.all - s.link >= MIN_UNLINKED_WORDS_CHARS
                && e.getElementsByTag("a").size() <= MAX_LINKS_IN_SENTENCE;
    }

    /**
     * A list whose every item carries a link, with links a good share of its text, points elsewhere
     * ("More stories: <a>...</a>"), even when each item adds a few words of lead-in.
     */
    private static boolean isListOfLinks(Element e, BlockStats.Stat s) {
        String tag = e.normalName();
        if (!(tag.equals("ul") || tag.equals("ol")) || e.childrenSize() < MIN_LINK_LIST_ITEMS
                || s.link * 100 < s.all * LINK_LIST_MIN_LINK_PERCENT) {
            return false;
        }
        for (Element item : e.children()) {
            if (item.normalName().equals("li") && DomSearch.firstLink(item) == null) {
                return false;
            }
        }
        return true;
    }


    /**
     * The summary under a headline often repeats the meta description; it is not body text unless it
     * sits among the body's paragraphs (then it is the lead paragraph that the description quotes) or is
     * itself a paragraph: a one-line subtitle (a "dek") is a headline's companion, a lead of a few
     * sentences opens the story.
     */
    private boolean isStandfirst(Element e, BlockStats.Stat s) {
        BlockStats.Stat rootStat = stats.get(root);
        if (standfirst == null || standfirst.length() < 30 || standfirst.length() >= MIN_LEAD_CHARS || rootStat == null
                || rootStat.all < standfirst.length() * 3 || s.all < standfirst.length() * 0.8
                || s.all > standfirst.length() * 1.3 || !TextMatch.normalize(e.text()).equals(standfirst)) {
            return false;
        }
        Element parent = e.parent();
        if (parent == null) {
            return true;
        }
        for (Element sibling : parent.children()) {
            BlockStats.Stat o = stats.get(sibling);
            if (sibling != e && o != null && o.good > 0 && o.good == o.all - o.link) {
                return false;
            }
        }
        return true;
    }

    /** A block rendered on trial, with the writers' state before it (the Markdown's null when not written). */
    private record Trial(Element block, int length, int pendingBreak, boolean pendingSpace,
            MarkdownWriter.Mark markdown) {
    }

    /** Table cells of one row stay on one line, separated by a space. */
    private static boolean isCell(String tag) {
        return tag.equals("td") || tag.equals("th");
    }

    private static int lineBreakOf(String tag) {
        return switch (tag) {
            case "li", "tr", "dt", "dd" -> 1;
            default -> 2;
        };
    }

    private void breakLine(int n) {
        pendingBreak = Math.max(pendingBreak, n);
    }

    private void append(String text) {
        int len = text.length();
        for (int i = 0; i < len; i++) {
            char c = text.charAt(i);
            if (TextMatch.isSpace(c)) {
                pendingSpace = true;
                continue;
            }
            if (pendingBreak > 0) {
                if (!out.isEmpty()) {
                    out.append(pendingBreak == 1 ? "\n" : "\n\n");
                }
                pendingBreak = 0;
                pendingSpace = false;
            } else if (pendingSpace) {
                if (!out.isEmpty()) {
                    out.append(' ');
                }
                pendingSpace = false;
            }
            // Copy the whole word at once: appending char by char dominated rendering time.
            int end = wordEnd(text, i + 1);
            out.append(text, i, end);
            i = end - 1;
        }
    }

    /** Index of the first whitespace character at or after {@code from}, or the text's length. */
    private static int wordEnd(String text, int from) {
        int len = text.length();
        for (int i = from; i < len; i++) {
            if (TextMatch.isSpace(text.charAt(i))) {
                return i;
            }
        }
        return len;
    }
}
