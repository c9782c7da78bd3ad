package io.newsflow.enrich.extract.internal.body;

/**
 * Escapes page text for {@link MarkdownWriter}: only the characters that would otherwise read as markup
 * where they stand (at a line's start, in link text, in a table cell), so that the Markdown reads as the
 * plain text does. Apart from the writer because it depends on nothing but the word and where it stands.
 */
final class MarkdownEscapes {

    private MarkdownEscapes() {
    }

    /**
     * Appends {@code s[from, to)}, one word, escaped; {@code lineStart} if nothing but a line's prefix comes
     * before it, {@code inLink} inside link text and {@code inCell} inside a pipe table's cell.
     */
    static void appendWord(StringBuilder out, String s, int from, int to, boolean lineStart, boolean inLink,
            boolean inCell) {
        int lineMarker = lineStart ? lineMarkerIndex(s, from, to) : -1;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (i == lineMarker || needsEscape(s, i, from, to, inLink, inCell)) {
                out.append('\\');
            }
            out.append(c);
        }
    }

    /** {@code url} as a link destination: these would end it early or make it two words. */
    static String destination(String url) {
        return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29").replace("<", "%3C")
                .replace(">", "%3E");
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

    private static boolean needsEscape(String s, int i, int from, int to, boolean inLink, boolean inCell) {
        char c = s.charAt(i);
        char next = i + 1 < to ? s.charAt(i + 1) : ' ';
        return switch (c) {
            case '`', '*' -> true;
            case '_' -> i == from || i == to - 1;
            case '[' -> inLink;
            case ']' -> inLink || next == '(' || next == '[';
            case '<' -> Character.isLetter(next) || next == '/' || next == '!' || next == '?';
            case '\\' -> next < 128 && !Character.isLetterOrDigit(next) && next > ' ';
            case '~' -> next == '~';
            case '|' -> inCell;
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
}
