package io.newsflow.enrich.extract.internal.body;

import io.newsflow.enrich.extract.internal.body.MarkdownFrames.Frame;
import io.newsflow.enrich.extract.internal.body.MarkdownFrames.Kind;
import io.newsflow.enrich.extract.internal.walk.BlockStats;
import io.newsflow.enrich.extract.internal.walk.TextMatch;
import java.net.URI;
import org.jsoup.nodes.Element;

/**
 * Writes Markdown of what {@link TextRenderer} keeps, told each element it enters and leaves and each text
 * it reads in the same walk; it never decides what is kept, so the Markdown holds exactly the text's
 * content. Headings, lists, blockquotes, links, emphasis, code and simple tables keep their markup; text
 * is escaped only where it would otherwise read as markup ({@link MarkdownEscapes}). The open elements
 * that prefix lines are in {@link MarkdownFrames}; the shape of tables and code blocks is decided by
 * {@link MarkdownBlocks}.
 */
final class MarkdownWriter {

    /** Pending line breaks, strongest last: the next list item or row, a line break in a paragraph, a paragraph. */
    private static final int NONE = 0;
    private static final int LINE = 1;
    private static final int HARD = 2;
    private static final int PARAGRAPH = 3;

    /** The writer's state before a block rendered on trial, to take it back (see {@link #reset}). */
    record Mark(int length, int pendingBreak, boolean pendingSpace, boolean lineOpen, boolean lineStart,
            MarkdownFrames.State frames) {
    }

    private final StringBuilder out = new StringBuilder(8192);
    private final MarkdownFrames frames = new MarkdownFrames();
    /** Resolves relative links when the document has no base URL of its own (a saved file); may be null. */
    private final String fallbackBase;
    private int pendingBreak;
    private boolean pendingSpace;
    /** Whether the current line's prefix (quote marks, list indent) is written. */
    private boolean lineOpen;
    /** Whether nothing but the prefix is written on the current line: there, text can read as a block marker. */
    private boolean lineStart;
    private int pendingCodeNewlines;

    MarkdownWriter(String fallbackBase) {
        this.fallbackBase = fallbackBase;
    }

    /** {@code text} as a Markdown heading of {@code level}, escaped as body text is. */
    static String heading(int level, String text) {
        MarkdownWriter w = new MarkdownWriter(null);
        w.frames.push(new Frame(null, Kind.HEADING, "#".repeat(level) + " ", null, 0));
        w.text(text);
        return w.result();
    }

    String result() {
        return out.toString().strip();
    }

    /** Ends a paragraph; the renderer calls it after each root. */
    void endBlock() {
        breakLine(PARAGRAPH);
    }

    Mark mark() {
        return new Mark(out.length(), pendingBreak, pendingSpace, lineOpen, lineStart, frames.state());
    }

    /** Takes back what was written since {@code mark}; the open elements are those open then. */
    void reset(Mark mark) {
        out.setLength(mark.length());
        pendingBreak = mark.pendingBreak();
        pendingSpace = mark.pendingSpace();
        lineOpen = mark.lineOpen();
        lineStart = mark.lineStart();
        pendingCodeNewlines = 0;
        frames.restore(mark.frames());
    }

    void open(Element e) {
        String tag = e.normalName();
        if (frames.inside(Kind.PRE)) {
            if (tag.equals("br")) {
                codeText("\n");
            }
            return;
        }
        switch (tag) {
            case "br" -> breakLine(HARD);
            case "h2", "h3", "h4", "h5", "h6" -> {
                breakLine(PARAGRAPH);
                frames.push(new Frame(e, Kind.HEADING, "#".repeat(tag.charAt(1) - '0') + " ", null, 0));
            }
            case "ul", "ol" -> openList(e, tag);
            case "li" -> {
                breakLine(LINE);
                Frame list = frames.innermost(Kind.LIST);
                String marker = list != null && list.open.equals("ol") ? ++list.count + ". " : "- ";
                frames.push(new Frame(e, Kind.ITEM, marker, null, 0));
            }
            case "blockquote" -> {
                breakLine(PARAGRAPH);
                frames.push(new Frame(e, Kind.QUOTE, "> ", null, 0));
            }
            case "pre" -> {
                breakLine(PARAGRAPH);
                frames.push(new Frame(e, Kind.PRE, MarkdownBlocks.fence(e.wholeText()),
                        MarkdownBlocks.codeLanguage(e), 0));
            }
            case "table" -> {
                breakLine(PARAGRAPH);
                frames.push(new Frame(e, Kind.TABLE, null, null, MarkdownBlocks.pipeColumns(e)));
            }
            case "tr" -> {
                Frame table = frames.innermost(Kind.TABLE);
                breakLine(table != null && table.columns > 0 ? LINE : HARD);
                frames.push(new Frame(e, Kind.ROW, null, null, table == null ? 0 : table.columns));
            }
            case "td", "th" -> openCell(e);
            case "a" -> openLink(e);
            case "strong", "b" -> openInline(e, "**");
            case "em", "i" -> openInline(e, "*");
            case "code", "kbd", "samp" -> openCode(e);
            default -> {
                if (BlockStats.isBlock(e)) {
                    breakLine(PARAGRAPH);
                }
            }
        }
    }

    void close(Element e) {
        Frame top = frames.top();
        if (top != null && top.element == e) {
            frames.pop();
            finish(top);
            return;
        }
        if (frames.inside(Kind.PRE)) {
            return;
        }
        String tag = e.normalName();
        if (tag.equals("td") || tag.equals("th")) {
            pendingSpace = true;
        } else if (BlockStats.isBlock(e)) {
            breakLine(PARAGRAPH);
        }
    }

    /** Writes the words of {@code text}, whitespace collapsed as in the plain text; verbatim in code blocks. */
    void text(String text) {
        if (frames.inside(Kind.PRE)) {
            codeText(text);
            return;
        }
        int len = text.length();
        for (int i = 0; i < len; i++) {
            if (TextMatch.isSpace(text.charAt(i))) {
                pendingSpace = true;
                continue;
            }
            int end = i + 1;
            while (end < len && !TextMatch.isSpace(text.charAt(end))) {
                end++;
            }
            startLine();
            if (frames.openPending(out)) {
                lineStart = false;
            }
            word(text, i, end);
            i = end - 1;
        }
    }

    private void finish(Frame f) {
        switch (f.kind) {
            case HEADING, QUOTE, TABLE -> breakLine(PARAGRAPH);
            case LIST -> endList();
            case ITEM -> breakLine(LINE);
            case PRE -> {
                if (!f.pending) {
                    out.append('\n');
                    frames.writePrefix(out, false);
                    out.append(f.open);
                }
                pendingCodeNewlines = 0;
                breakLine(PARAGRAPH);
            }
            case ROW -> finishRow(f);
            case LINK -> {
                if (!f.pending) {
                    out.append("](").append(f.close).append(')');
                }
            }
            case INLINE, CODE -> {
                if (!f.pending) {
                    out.append(f.close);
                }
            }
            case CELL -> {
                // Its text is all it has.
            }
        }
    }

    /**
     * Opens a list; an ordered one numbers from its {@code start}. Nested in an item that has text, it
     * follows on the next line, unless it starts at another number than 1: such a list cannot interrupt
     * a paragraph, and would read as the item's text without a blank line before it.
     */
    private void openList(Element e, String tag) {
        int start = tag.equals("ol") ? MarkdownBlocks.listStart(e) : 1;
        Frame item = frames.innermost(Kind.ITEM);
        breakLine(item == null || start != 1 && !item.pending ? PARAGRAPH : LINE);
        Frame list = new Frame(e, Kind.LIST, tag, null, 0);
        list.count = start - 1;
        frames.push(list);
    }

    /**
     * Ends a list: a nested one with a line break only, in case the next item follows, but text that
     * follows in the item it is nested in needs a blank line, or it would continue the list's last item.
     */
    private void endList() {
        Frame item = frames.innermost(Kind.ITEM);
        breakLine(item != null ? LINE : PARAGRAPH);
        if (item != null && !frames.inside(Kind.HEADING) && !frames.inside(Kind.CELL)) {
            item.listEnded = true;
        }
    }

    private void openCell(Element e) {
        Frame row = frames.innermost(Kind.ROW);
        if (row == null || row.columns == 0 || row.count >= row.columns) {
            pendingSpace = true;
            return;
        }
        if (row.count == 0) {
            startLine();
            out.append('|');
        } else {
            out.append(" |");
        }
        // The space after the bar waits for the cell's first word, so that an empty cell stays "| |".
        pendingSpace = true;
        lineStart = false;
        row.count++;
        frames.push(new Frame(e, Kind.CELL, null, null, 0));
    }

    /** Closes a pipe table's row, padding missing cells; the first row written is the header. */
    private void finishRow(Frame row) {
        Frame table = frames.innermost(Kind.TABLE);
        if (row.columns == 0 || table == null) {
            breakLine(HARD);
            return;
        }
        if (row.count > 0) {
            out.append(" |".repeat(row.columns - row.count + 1));
            if (table.count++ == 0) {
                out.append('\n');
                frames.writePrefix(out, false);
                out.append("|").append(" --- |".repeat(row.columns));
            }
        }
        breakLine(LINE);
    }

    private void openLink(Element e) {
        String target = linkTarget(e);
        if (target != null && !frames.inside(Kind.LINK) && !frames.inside(Kind.CODE)
                && !MarkdownBlocks.hasBlock(e)) {
            frames.push(new Frame(e, Kind.LINK, "[", target, 0));
        }
    }

    private void openInline(Element e, String markup) {
        if (frames.insideInline(markup)) {
            return; // <b> in <strong>: one run of markup, not "****"
        }
        if (!frames.inside(Kind.HEADING) && !frames.inside(Kind.CODE) && !MarkdownBlocks.hasBlock(e)) {
            frames.push(new Frame(e, Kind.INLINE, markup, markup, 0));
        }
    }

    private void openCode(Element e) {
        if (frames.inside(Kind.CODE) || MarkdownBlocks.hasBlock(e)) {
            return;
        }
        // A code span holding backticks is fenced with two, spaced so that one at its edge is not read as part of it.
        boolean backticks = e.wholeText().indexOf('`') >= 0;
        frames.push(new Frame(e, Kind.CODE, backticks ? "`` " : "`", backticks ? " ``" : "`", 0));
    }

    /** The absolute URL an anchor points to, or null when it points nowhere a reader can follow. */
    private String linkTarget(Element a) {
        String href = a.attr("href").strip();
        if (href.isEmpty() || href.regionMatches(true, 0, "javascript:", 0, 11)) {
            return null;
        }
        String target = a.absUrl("href");
        if (target.isEmpty() && fallbackBase != null) {
            try {
                target = URI.create(fallbackBase).resolve(href.replace(" ", "%20")).toString();
            } catch (IllegalArgumentException e) {
                target = href; // not a URL we can resolve: the reader still sees where it pointed
            }
        }
        return MarkdownEscapes.destination(target.isEmpty() ? href : target);
    }

    /** A heading or table cell is one line: a break inside it is a space. */
    private void breakLine(int n) {
        if (frames.inside(Kind.HEADING) || frames.inside(Kind.CELL)) {
            pendingSpace = true;
        } else {
            pendingBreak = Math.max(pendingBreak, n);
        }
    }

    /** Writes the pending break or space and, on a new line, its prefix: quote marks, list markers or indent. */
    private void startLine() {
        if (pendingBreak != NONE) {
            Frame item = frames.innermost(Kind.ITEM);
            if (item != null && item.listEnded) {
                pendingBreak = PARAGRAPH;
                item.listEnded = false;
            }
            if (!out.isEmpty()) {
                switch (pendingBreak) {
                    case LINE -> out.append('\n');
                    // Before a list marker or heading a plain newline is the line break.
                    case HARD -> out.append(frames.markerPending() ? "\n" : "\\\n");
                    default -> {
                        out.append('\n');
                        int start = out.length();
                        frames.writePrefix(out, false);
                        trimTrailingSpaces(start);
                        out.append('\n');
                    }
                }
            }
            pendingBreak = NONE;
            lineOpen = false;
        }
        if (!lineOpen) {
            frames.writePrefix(out, true);
            lineOpen = true;
            lineStart = true;
            pendingSpace = false;
        } else if (pendingSpace) {
            out.append(' ');
            pendingSpace = false;
        }
    }

    private void trimTrailingSpaces(int from) {
        int end = out.length();
        while (end > from && out.charAt(end - 1) == ' ') {
            end--;
        }
        out.setLength(end);
    }

    /** Text of a code block, verbatim; blank lines at its end are dropped. */
    private void codeText(String text) {
        Frame block = frames.innermost(Kind.PRE);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                pendingCodeNewlines += block.pending ? 0 : 1;
                continue;
            }
            if (c == '\r') {
                continue;
            }
            if (block.pending) {
                startLine();
                out.append(block.open).append(block.close).append('\n');
                frames.writePrefix(out, false);
                block.pending = false;
            }
            for (; pendingCodeNewlines > 0; pendingCodeNewlines--) {
                out.append('\n');
                frames.writePrefix(out, false);
            }
            out.append(c);
        }
    }

    /** Appends one word, escaped where it would read as markup; verbatim in a code span. */
    private void word(String s, int from, int to) {
        if (frames.inside(Kind.CODE)) {
            out.append(s, from, to);
            return;
        }
        MarkdownEscapes.appendWord(out, s, from, to, lineStart, frames.inside(Kind.LINK), frames.inside(Kind.CELL));
        lineStart = false;
    }
}
