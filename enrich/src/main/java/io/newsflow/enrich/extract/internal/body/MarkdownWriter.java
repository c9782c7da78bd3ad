package io.newsflow.enrich.extract.internal.body;

import io.newsflow.enrich.extract.internal.walk.BlockStats;
import io.newsflow.enrich.extract.internal.walk.TextMatch;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Element;

/**
 * Writes Markdown of what {@link TextRenderer} keeps, told each element it enters and leaves and each text
 * it reads in the same walk; it never decides what is kept, so the Markdown holds exactly the text's
 * content. Headings, lists, blockquotes, links, emphasis, code and simple tables keep their markup; text
 * is escaped only where it would otherwise read as markup.
 */
final class MarkdownWriter {

    /** Pending line breaks, strongest last: the next list item or row, a line break in a paragraph, a paragraph. */
    private static final int NONE = 0;
    private static final int LINE = 1;
    private static final int HARD = 2;
    private static final int PARAGRAPH = 3;

    /** What an open element contributes: a line prefix, a marker, or markup around its text. */
    private enum Kind { QUOTE, LIST, ITEM, HEADING, PRE, TABLE, ROW, CELL, LINK, INLINE, CODE }

    /** An open element that has Markdown of its own; {@code count} and {@code pending} change as it is written. */
    private static final class Frame {
        final Element element;
        final Kind kind;
        /** Opening markup, list marker or code fence. */
        final String open;
        /** Closing markup, link target, or a fence's info string. */
        final String close;
        /** A table's columns when it is written as a pipe table, else 0. */
        final int columns;
        /** Items of a list, rows of a table or cells of a row written so far. */
        int count;
        /** Whether {@code open} is still to be written, before the element's first text. */
        boolean pending = true;

        Frame(Element element, Kind kind, String open, String close, int columns) {
            this.element = element;
            this.kind = kind;
            this.open = open;
            this.close = close;
            this.columns = columns;
        }
    }

    /** The writer's state before a block rendered on trial, to take it back (see {@link #reset}). */
    record Mark(int length, int pendingBreak, boolean pendingSpace, boolean lineOpen, boolean lineStart,
            int[] counts, boolean[] pendings) {
    }

    private final StringBuilder out = new StringBuilder(8192);
    private final List<Frame> frames = new ArrayList<>();
    /** Resolves relative links when the document has no base URL of its own (a saved file); may be null. */
    private final String fallbackBase;
    private int pendingBreak;
    private boolean pendingSpace;
    /** Whether the current line's prefix (quote marks, list indent) is written. */
    private boolean lineOpen;
    /** Whether nothing but the prefix is written on the current line: there, text can read as a block marker. */
    private boolean lineStart;
    private int pendingCodeNewlines;
    private int pre;
    private int headings;
    private int cells;
    private int links;
    private int code;
    private int items;

    MarkdownWriter(String fallbackBase) {
        this.fallbackBase = fallbackBase;
    }

    /** {@code text} as a Markdown heading of {@code level}, escaped as body text is. */
    static String heading(int level, String text) {
        MarkdownWriter w = new MarkdownWriter(null);
        w.push(new Frame(null, Kind.HEADING, "#".repeat(level) + " ", null, 0));
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
        int[] counts = new int[frames.size()];
        boolean[] pendings = new boolean[frames.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = frames.get(i).count;
            pendings[i] = frames.get(i).pending;
        }
        return new Mark(out.length(), pendingBreak, pendingSpace, lineOpen, lineStart, counts, pendings);
    }

    /** Takes back what was written since {@code mark}; the open elements are those open then. */
    void reset(Mark mark) {
        out.setLength(mark.length());
        pendingBreak = mark.pendingBreak();
        pendingSpace = mark.pendingSpace();
        lineOpen = mark.lineOpen();
        lineStart = mark.lineStart();
        pendingCodeNewlines = 0;
        for (int i = 0; i < mark.counts().length; i++) {
            frames.get(i).count = mark.counts()[i];
            frames.get(i).pending = mark.pendings()[i];
        }
    }

    void open(Element e) {
        String tag = e.normalName();
        if (pre > 0) {
            if (tag.equals("br")) {
                codeText("\n");
            }
            return;
        }
        switch (tag) {
            case "br" -> breakLine(HARD);
            case "h2", "h3", "h4", "h5", "h6" -> {
                breakLine(PARAGRAPH);
                push(new Frame(e, Kind.HEADING, "#".repeat(tag.charAt(1) - '0') + " ", null, 0));
            }
            case "ul", "ol" -> {
                breakLine(items > 0 ? LINE : PARAGRAPH);
                push(new Frame(e, Kind.LIST, tag, null, 0));
            }
            case "li" -> {
                breakLine(LINE);
                Frame list = innermost(Kind.LIST);
                String marker = list != null && list.open.equals("ol") ? ++list.count + ". " : "- ";
                push(new Frame(e, Kind.ITEM, marker, null, 0));
            }
            case "blockquote" -> {
                breakLine(PARAGRAPH);
                push(new Frame(e, Kind.QUOTE, "> ", null, 0));
            }
            case "pre" -> {
                breakLine(PARAGRAPH);
                push(new Frame(e, Kind.PRE, fence(e.wholeText()), codeLanguage(e), 0));
            }
            case "table" -> {
                breakLine(PARAGRAPH);
                push(new Frame(e, Kind.TABLE, null, null, pipeColumns(e)));
            }
            case "tr" -> {
                Frame table = innermost(Kind.TABLE);
                breakLine(table != null && table.columns > 0 ? LINE : HARD);
                push(new Frame(e, Kind.ROW, null, null, table == null ? 0 : table.columns));
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
        Frame top = frames.isEmpty() ? null : frames.get(frames.size() - 1);
        if (top != null && top.element == e) {
            pop();
            finish(top);
            return;
        }
        if (pre > 0) {
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
        if (pre > 0) {
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
            openPending();
            word(text, i, end);
            i = end - 1;
        }
    }

    private void finish(Frame f) {
        switch (f.kind) {
            case HEADING, QUOTE, TABLE -> breakLine(PARAGRAPH);
            case LIST -> breakLine(items > 0 ? LINE : PARAGRAPH);
            case ITEM -> breakLine(LINE);
            case PRE -> {
                if (!f.pending) {
                    out.append('\n');
                    writePrefix(false);
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

    private void openCell(Element e) {
        Frame row = innermost(Kind.ROW);
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
        push(new Frame(e, Kind.CELL, null, null, 0));
    }

    /** Closes a pipe table's row, padding missing cells; the first row written is the header. */
    private void finishRow(Frame row) {
        Frame table = innermost(Kind.TABLE);
        if (row.columns == 0 || table == null) {
            breakLine(HARD);
            return;
        }
        if (row.count > 0) {
            out.append(" |".repeat(row.columns - row.count + 1));
            if (table.count++ == 0) {
                out.append('\n');
                writePrefix(false);
                out.append("|").append(" --- |".repeat(row.columns));
            }
        }
        breakLine(LINE);
    }

    private void openLink(Element e) {
        String target = linkTarget(e);
        if (target != null && links == 0 && code == 0 && !hasBlock(e)) {
            push(new Frame(e, Kind.LINK, "[", target, 0));
        }
    }

    private void openInline(Element e, String markup) {
        for (Frame f : frames) {
            if (f.kind == Kind.INLINE && f.open.equals(markup)) {
                return; // <b> in <strong>: one run of markup, not "****"
            }
        }
        if (headings == 0 && code == 0 && !hasBlock(e)) {
            push(new Frame(e, Kind.INLINE, markup, markup, 0));
        }
    }

    private void openCode(Element e) {
        if (code > 0 || hasBlock(e)) {
            return;
        }
        // A code span holding backticks is fenced with two, spaced so that one at its edge is not read as part of it.
        boolean backticks = e.wholeText().indexOf('`') >= 0;
        push(new Frame(e, Kind.CODE, backticks ? "`` " : "`", backticks ? " ``" : "`", 0));
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
        if (target.isEmpty()) {
            target = href;
        }
        // These would end the link's destination early or make it two words.
        return target.replace(" ", "%20").replace("(", "%28").replace(")", "%29").replace("<", "%3C")
                .replace(">", "%3E");
    }

    private void push(Frame f) {
        frames.add(f);
        count(f.kind, 1);
    }

    private void pop() {
        count(frames.remove(frames.size() - 1).kind, -1);
    }

    private void count(Kind kind, int delta) {
        switch (kind) {
            case PRE -> pre += delta;
            case HEADING -> headings += delta;
            case CELL -> cells += delta;
            case LINK -> links += delta;
            case CODE -> code += delta;
            case ITEM -> items += delta;
            default -> {
                // Nothing reads how many of these are open.
            }
        }
    }

    private Frame innermost(Kind kind) {
        for (int i = frames.size() - 1; i >= 0; i--) {
            if (frames.get(i).kind == kind) {
                return frames.get(i);
            }
        }
        return null;
    }

    /** A heading or table cell is one line: a break inside it is a space. */
    private void breakLine(int n) {
        if (headings > 0 || cells > 0) {
            pendingSpace = true;
        } else {
            pendingBreak = Math.max(pendingBreak, n);
        }
    }

    /** Writes the pending break or space and, on a new line, its prefix: quote marks, list markers or indent. */
    private void startLine() {
        if (pendingBreak != NONE) {
            if (!out.isEmpty()) {
                switch (pendingBreak) {
                    case LINE -> out.append('\n');
                    // Before a list marker or heading a plain newline is the line break.
                    case HARD -> out.append(markerPending() ? "\n" : "\\\n");
                    default -> {
                        out.append('\n');
                        int start = out.length();
                        writePrefix(false);
                        trimTrailingSpaces(start);
                        out.append('\n');
                    }
                }
            }
            pendingBreak = NONE;
            lineOpen = false;
        }
        if (!lineOpen) {
            writePrefix(true);
            lineOpen = true;
            lineStart = true;
            pendingSpace = false;
        } else if (pendingSpace) {
            out.append(' ');
            pendingSpace = false;
        }
    }

    /**
     * Writes the prefix of a line of the open quotes and list items; with {@code markers}, this is the line
     * of text that starts the pending list items and heading, else a blank or continuation line.
     */
    private void writePrefix(boolean markers) {
        for (Frame f : frames) {
            if (f.kind == Kind.QUOTE) {
                // A quote that has no line yet has not begun: the blank line before it is not quoted.
                if (markers || !f.pending) {
                    out.append("> ");
                }
                f.pending &= !markers;
            } else if (f.kind == Kind.ITEM) {
                out.append(f.pending && markers ? f.open : " ".repeat(f.open.length()));
                f.pending &= !markers;
            } else if (f.kind == Kind.HEADING && f.pending && markers) {
                out.append(f.open);
                f.pending = false;
            }
        }
    }

    private boolean markerPending() {
        for (Frame f : frames) {
            if (f.pending && (f.kind == Kind.ITEM || f.kind == Kind.HEADING)) {
                return true;
            }
        }
        return false;
    }

    private void trimTrailingSpaces(int from) {
        int end = out.length();
        while (end > from && out.charAt(end - 1) == ' ') {
            end--;
        }
        out.setLength(end);
    }

    /** Writes the markup of links, emphasis and code spans whose first word this is. */
    private void openPending() {
        for (Frame f : frames) {
            if (f.pending && (f.kind == Kind.LINK || f.kind == Kind.INLINE || f.kind == Kind.CODE)) {
                out.append(f.open);
                f.pending = false;
                lineStart = false;
            }
        }
    }

    /** Text of a code block, verbatim; blank lines at its end are dropped. */
    private void codeText(String text) {
        Frame block = innermost(Kind.PRE);
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
                writePrefix(false);
                block.pending = false;
            }
            for (; pendingCodeNewlines > 0; pendingCodeNewlines--) {
                out.append('\n');
                writePrefix(false);
            }
            out.append(c);
        }
    }

    /** Appends one word, escaping what would read as markup where it stands. */
    private void word(String s, int from, int to) {
        if (code > 0) {
            out.append(s, from, to);
            return;
        }
        int lineMarker = lineStart ? lineMarkerIndex(s, from, to) : -1;
        lineStart = false;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (i == lineMarker || needsEscape(s, i, from, to)) {
                out.append('\\');
            }
            out.append(c);
        }
    }

    /**
     * The index of the character that would make a word at a line's start read as a block: a heading,
     * quote, list item, rule, setext underline, fence or link definition; -1 if none.
     */
    private static int lineMarkerIndex(String s, int from, int to) {
        char first = s.charAt(from);
        if (first == '#' || first == '>' || first == '[' || s.startsWith("~~~", from)) {
            return from;
        }
        if ("-+*_=".indexOf(first) >= 0) {
            int i = from + 1;
            while (i < to && s.charAt(i) == first) {
                i++;
            }
            return i == to ? from : -1;
        }
        int i = from;
        while (i < to && i - from < 10 && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i > from && i == to - 1 && (s.charAt(i) == '.' || s.charAt(i) == ')') ? i : -1;
    }

    private boolean needsEscape(String s, int i, int from, int to) {
        char c = s.charAt(i);
        char next = i + 1 < to ? s.charAt(i + 1) : ' ';
        return switch (c) {
            case '`', '*' -> true;
            case '_' -> i == from || i == to - 1;
            case '[' -> links > 0;
            case ']' -> links > 0 || next == '(' || next == '[';
            case '<' -> Character.isLetter(next) || next == '/' || next == '!' || next == '?';
            case '\\' -> next < 128 && !Character.isLetterOrDigit(next) && next > ' ';
            case '~' -> next == '~';
            case '|' -> cells > 0;
            case '&' -> isEntityLike(s, i + 1, to);
            default -> false;
        };
    }

    /** Whether {@code s[from, to)} starts with what would be read as the rest of an entity ("amp;", "#38;"). */
    private static boolean isEntityLike(String s, int from, int to) {
        int i = from;
        while (i < to && (Character.isLetterOrDigit(s.charAt(i)) || i == from && s.charAt(i) == '#')) {
            i++;
        }
        return i > from && i < to && s.charAt(i) == ';';
    }

    /** A fence longer than any run of backticks in the code. */
    private static String fence(String code) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < code.length(); i++) {
            run = code.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return "`".repeat(Math.max(3, longest + 1));
    }

    /** The language a code block's class names ("language-java", "lang-py"), or "". */
    private static String codeLanguage(Element pre) {
        Element code = pre.firstElementChild();
        for (Element e : code != null && code.normalName().equals("code") ? List.of(pre, code) : List.of(pre)) {
            for (String name : e.classNames()) {
                String lower = name.toLowerCase(Locale.ROOT);
                if (lower.startsWith("language-") || lower.startsWith("lang-")) {
                    String language = lower.substring(lower.indexOf('-') + 1);
                    if (language.matches("[a-z0-9+#.-]+")) {
                        return language;
                    }
                }
            }
        }
        return "";
    }

    /**
     * Columns of a table simple enough for a pipe table: rows of the same number of cells holding no
     * blocks (a nested table, a list, paragraphs); 0 for any other table, whose rows become lines.
     */
    private static int pipeColumns(Element table) {
        int columns = 0;
        for (Element child : table.children()) {
            String tag = child.normalName();
            if (tag.equals("thead") || tag.equals("tbody") || tag.equals("tfoot")) {
                for (Element row : child.children()) {
                    columns = rowColumns(row, columns);
                    if (columns < 0) {
                        return 0;
                    }
                }
            } else if (tag.equals("tr")) {
                columns = rowColumns(child, columns);
                if (columns < 0) {
                    return 0;
                }
            } else if (!tag.equals("caption") && !tag.equals("colgroup")) {
                return 0;
            }
        }
        return columns;
    }

    /** The cells of {@code row} if it is a simple row of {@code columns} cells (0: not yet known), else -1. */
    private static int rowColumns(Element row, int columns) {
        if (!row.normalName().equals("tr")) {
            return -1;
        }
        int cellCount = 0;
        for (Element cell : row.children()) {
            String tag = cell.normalName();
            if (!(tag.equals("td") || tag.equals("th")) || hasBlock(cell)) {
                return -1;
            }
            cellCount++;
        }
        return cellCount == 0 || columns != 0 && cellCount != columns ? -1 : cellCount;
    }

    /** Whether a block element lies below {@code e}: markup around it would span paragraphs. */
    private static boolean hasBlock(Element e) {
        for (Element child = e.firstElementChild(); child != null; child = child.nextElementSibling()) {
            if (BlockStats.isBlock(child) || hasBlock(child)) {
                return true;
            }
        }
        return false;
    }
}
