package io.newsflow.enrich.extract.internal.body;

import io.newsflow.enrich.extract.internal.walk.BlockStats;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Element;

/**
 * How {@link MarkdownWriter} writes a table, a code block, a list or markup around inline content, decided
 * from the element as it is entered, before its content is walked: a table's columns if it can be a pipe
 * table, a code block's fence and language, an ordered list's first number, and whether markup would span
 * blocks. Apart from the writer because these look ahead at the element's subtree, which the writer, told
 * one node at a time, never does.
 */
final class MarkdownBlocks {

    private MarkdownBlocks() {
    }

    /** A fence longer than any run of backticks in the code. */
    static String fence(String code) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < code.length(); i++) {
            run = code.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return "`".repeat(Math.max(3, longest + 1));
    }

    /** The language a code block's class names ("language-java", "lang-py"), or "". */
    static String codeLanguage(Element pre) {
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

    /** An ordered list's first number: its {@code start}, if a number Markdown can write (up to nine digits). */
    static int listStart(Element ol) {
        String start = ol.attr("start").strip();
        return start.matches("[0-9]{1,9}") ? Integer.parseInt(start) : 1;
    }

    /**
     * Columns of a table simple enough for a pipe table: rows of the same number of cells holding no
     * blocks (a nested table, a list, paragraphs); 0 for any other table, whose rows become lines.
     */
    static int pipeColumns(Element table) {
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
    static boolean hasBlock(Element e) {
        for (Element child = e.firstElementChild(); child != null; child = child.nextElementSibling()) {
            if (BlockStats.isBlock(child) || hasBlock(child)) {
                return true;
            }
        }
        return false;
    }
}
