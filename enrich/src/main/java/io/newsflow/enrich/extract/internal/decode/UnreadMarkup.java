package io.newsflow.enrich.extract.internal.decode;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Finds, in page bytes, what the extractor never reads, so that the parser can be handed the page
 * without it: the contents of {@code <script>} (other than JSON-LD), {@code <style>}, inline
 * {@code <svg>} and {@code <math>} elements and comments, which are about 60% of a news page's bytes
 * (inline bundles, state blobs, CSS, icons; the elements themselves stay, empty), and then the
 * attributes no rule reads and anchors' URLs (see {@link #READ_ATTRIBUTES}), a third of the bytes
 * left. Comments go whole where nothing can join across them, else only their contents.
 *
 * <p>This is not a parser: it only follows the HTML tokenizer's rules for where markup can hide a
 * {@code <script>} that is not one (comments, attribute values, other raw-text elements such as
 * {@code <textarea>}, foreign content) and where such an element ends. Whenever the bytes are not
 * plain enough to be sure (a script holding {@code <!--}, which switches the tokenizer into its
 * escaped states; unterminated constructs), it stops looking and the rest of the page is parsed
 * as it is. Leaving content in is always safe; only content it is sure of is left out.
 */
final class UnreadMarkup {

    private static final int[] NONE = new int[0];
    /** Elements whose contents the tokenizer reads as text, not markup (other than script and style). */
    private static final String[] RAW_TEXT = {"textarea", "title", "xmp", "iframe", "noembed", "noframes"};
    /** HTML start tags that end svg or math content when they appear inside it. */
    private static final Set<String> BREAKOUT = Set.of("b", "big", "blockquote", "body", "br", "center", "code",
            "dd", "div", "dl", "dt", "em", "embed", "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "i", "img",
            "li", "listing", "menu", "meta", "nobr", "ol", "p", "pre", "ruby", "s", "small", "span", "strong",
            "strike", "sub", "sup", "table", "tt", "u", "ul", "var", "font");

    /**
     * Attributes that are read: by the extractor (names, microdata, meta tags, dates, hidden styles,
     * language, links to the canonical page, an ordered list's start for Markdown) and by the tree builder
     * itself (a hidden input's type, the base URL, MathML's encoding, an isindex's action and prompt). All
     * others (data-*, src, srcset, title, alt, aria-*, event handlers: 28% of a news page's attributes) are
     * left out of start tags, except inside svg and math and on formatting elements (see {@link #FORMATTING}).
     * An anchor keeps its href, but not the value: only whether a link has one is read (Markdown output asks
     * for the values, see {@link #findKeepingLinkTargets}). A rule that comes to read another attribute must
     * add it here, or it will find it missing ({@code ReadAttributesTest} reads the rules' sources to check
     * that none does).
     */
    static final Set<String> READ_ATTRIBUTES = Set.of("class", "id", "role", "itemprop", "rel", "href", "content",
            "value", "name", "property", "http-equiv", "datetime", "pubdate", "hidden", "style", "type", "lang",
            "xml:lang", "charset", "encoding", "action", "prompt", "start");
    private static final String[][] READ = byFirstLetter(READ_ATTRIBUTES.toArray(String[]::new));
    /**
     * Formatting elements other than {@code a}: the tree builder keeps at most three open ones with
     * equal attributes, so leaving attributes out of them could change how many it reopens after a
     * misnested end tag. (An {@code a} never has another open beside it, so its attributes may go.)
     */
    private static final String[][] FORMATTING = byFirstLetter("b", "big", "code", "em", "font", "i", "nobr", "s",
        "small", "strike", "strong", "tt", "u");
    /** What {@link #tagEnd} may leave out of a tag's attributes. */
    private static final int KEEP_ATTRIBUTES = 0;
    private static final int OTHER_START_TAG = 1;
    private static final int ANCHOR = 2;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** Classes of bytes that end tag names and attributes, looked up in {@link #KINDS}. */
    private static final byte SPACE = 1;
    private static final byte SLASH = 2;
    private static final byte GT = 4;
    private static final byte EQUALS = 8;
    private static final byte[] KINDS = new byte[256];

    static {
        for (char c : " \n\t\r\f".toCharArray()) {
            KINDS[c] = SPACE;
        }
        KINDS['/'] = SLASH;
        KINDS['>'] = GT;
        KINDS['='] = EQUALS;
    }

    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    /** The page; '<', '>', quotes and tag names are ASCII bytes in every charset this runs on. */
    private final byte[] b;
    private final int end;
    private int[] ranges = new int[16];
    private int count;
    /** The anchors' href values among {@link #ranges}, when asked for; else null. */
    private int[] linkTargets;
    private int linkTargetCount;
    /**
     * Open elements of the svg or math element being read, outermost first; empty outside them.
     * Inside such foreign content script and style are ordinary elements, and the whole content is
     * left out at its end unless an HTML tag broke out of it.
     */
    private final List<String> foreign = new ArrayList<>();
    private int foreignContent;

    private UnreadMarkup(byte[] bytes, int length) {
        this.b = bytes;
        this.end = length;
    }

    /**
     * Sorted, disjoint {@code [start, end)} byte ranges of {@code bytes[0, length)} that can be left out;
     * empty when there are none (or the page is not plain enough to tell). Ranges begin and end at
     * ASCII markup, so in an ASCII-compatible charset no character spans a cut.
     */
    static int[] find(byte[] bytes, int length) {
        UnreadMarkup f = new UnreadMarkup(bytes, length);
        f.scan();
        return f.count == 0 ? NONE : Arrays.copyOf(f.ranges, f.count * 2);
    }

    /**
     * As {@link #find}, with the anchors' href values told apart: Markdown output needs link targets, which
     * the default path leaves out. The charset must still be judged on {@link Ranges#all()}, so that keeping
     * the targets cannot change how the page is decoded, and with it the text.
     */
    static Ranges findKeepingLinkTargets(byte[] bytes, int length) {
        UnreadMarkup f = new UnreadMarkup(bytes, length);
        f.linkTargets = new int[16];
        f.scan();
        int[] all = f.count == 0 ? NONE : Arrays.copyOf(f.ranges, f.count * 2);
        return new Ranges(all, without(all, Arrays.copyOf(f.linkTargets, f.linkTargetCount * 2)));
    }

    /**
     * Ranges that can be left out: {@code all} of them, and all but the anchors' href values.
     *
     * @param all               every range {@link #find} gives
     * @param allButLinkTargets the same without the ranges holding an anchor's href value
     */
    record Ranges(int[] all, int[] allButLinkTargets) {
    }

    /**
     * {@code ranges} without those equal to one of {@code targets} (both sorted). A target range can only
     * have been dropped whole by a later, enclosing one, never merged with another, so equality finds it.
     */
    private static int[] without(int[] ranges, int[] targets) {
        int[] kept = new int[ranges.length];
        int n = 0;
        int t = 0;
        for (int i = 0; i < ranges.length; i += 2) {
            while (t < targets.length && targets[t] < ranges[i]) {
                t += 2;
            }
            if (t < targets.length && targets[t] == ranges[i] && targets[t + 1] == ranges[i + 1]) {
                continue;
            }
            kept[n++] = ranges[i];
            kept[n++] = ranges[i + 1];
        }
        return Arrays.copyOf(kept, n);
    }

    private void scan() {
        int pos = 0;
        while (pos >= 0 && pos < end) {
            int lt = indexOf('<', pos);
            if (lt < 0 || lt + 1 >= end) {
                return;
            }
            pos = markup(lt);
        }
    }

    /** Handles the markup opening at {@code lt}; returns where to go on, or -1 to stop. */
    private int markup(int lt) {
        char c = at(lt + 1);
        if (c == '!') {
            if (startsWith("--", lt + 2)) {
                return comment(lt);
            }
            if (startsWith("[CDATA[", lt + 2)) {
                return after(indexOf("]]>", lt + 2), 3);
            }
            return after(indexOf('>', lt + 2), 1);
        }
        if (c == '?') {
            return after(indexOf('>', lt + 2), 1);
        }
        if (c == '/') {
            if (lt + 2 < end && isAsciiLetter(at(lt + 2))) {
                int nameEnd = tagNameEnd(lt + 2);
                if (!foreign.isEmpty()) {
                    foreignEndTag(lt, name(lt + 2, nameEnd));
                }
                return tagEnd(nameEnd, KEEP_ATTRIBUTES);
            }
            return after(indexOf('>', lt + 2), 1);
        }
        if (!isAsciiLetter(c)) {
            return lt + 1; // a lone '<' is text
        }
        int nameStart = lt + 1;
        int nameEnd = tagNameEnd(nameStart);
        // Inside svg and math attributes stay: there a font's color, face or size ends foreign content.
        // So do those of formatting elements, which the tree builder compares (see FORMATTING).
        int attributes = !foreign.isEmpty() || isFormatting(nameStart, nameEnd) ? KEEP_ATTRIBUTES
                : nameEnd == nameStart + 1 && (c | 0x20) == 'a' ? ANCHOR : OTHER_START_TAG;
        int close = tagEnd(nameEnd, attributes);
        if (close < 0) {
            return -1;
        }
        boolean selfClosing = at(close - 2) == '/';
        if (!foreign.isEmpty() && foreignStartTag(name(nameStart, nameEnd), selfClosing)) {
            return close;
        }
        // Only a few tags matter; most (div, a, span, p...) are told apart by length and first letter.
        int nameLength = nameEnd - nameStart;
        char first = (char) (c | 0x20);
        if (nameLength < 3 || nameLength > 9 || "smtxinp".indexOf(first) < 0) {
            return close;
        }
        if (isName(nameStart, nameEnd, "svg") || isName(nameStart, nameEnd, "math")) {
            if (!selfClosing) {
                foreign.add(name(nameStart, nameEnd));
                foreignContent = close;
            }
            return close;
        }
        if (isName(nameStart, nameEnd, "script")) {
            int stop = scriptEnd(close);
            if (stop < 0) {
                return -1;
            }
            if (!isJsonLd(nameEnd, close)) {
                skip(close, stop);
            }
            return stop;
        }
        if (isName(nameStart, nameEnd, "style")) {
            int stop = endTag(close, "style");
            if (stop < 0) {
                return -1;
            }
            skip(close, stop);
            return stop;
        }
        for (String raw : RAW_TEXT) {
            if (isName(nameStart, nameEnd, raw)) {
                // Raw text or RCDATA: whatever it holds is not markup; nothing in it is skipped.
                return endTag(close, raw);
            }
        }
        if (isName(nameStart, nameEnd, "plaintext")) {
            return -1;
        }
        return close;
    }

    /**
     * Leaves out the content of the comment opening at {@code lt}, which ends where the tokenizer ends it:
     * at the first "-->" (which may share the opening's dashes: "<!-->" and "<!--->" are complete
     * comments) or the first "--!>" after the opening. An empty comment stays in its place unless it
     * sits between a tag's end or whitespace and a tag's start or whitespace: elsewhere the text on its
     * two sides would be read as one ("<" before it and "p>" after it, a tag; "&am" and "p;", an entity).
     */
    private int comment(int lt) {
        int close = indexOf("-->", lt + 2);
        int bang = indexOf("--!>", lt + 4, close < 0 ? end : close);
        int marker = bang >= 0 ? bang : close;
        if (marker < 0) {
            return -1;
        }
        int after = bang >= 0 ? bang + 4 : close + 3;
        if ((lt == 0 || at(lt - 1) == '>' || isSpace(at(lt - 1)))
                && (after == end || at(after) == '<' || isSpace(at(after)))) {
            skip(lt, after);
        } else {
            skip(lt + 4, marker);
        }
        return after;
    }

    /**
     * A start tag inside foreign content: true when it stays there. HTML tags such as div or p end
     * foreign content (the tokenizer's "breakout"); the element's content is then kept.
     */
    private boolean foreignStartTag(String name, boolean selfClosing) {
        if (BREAKOUT.contains(name)) {
            foreign.clear();
            return false;
        }
        if (!selfClosing) {
            foreign.add(name);
        }
        return true;
    }

    /** An end tag inside foreign content closes the innermost open element of its name. */
    private void foreignEndTag(int lt, String name) {
        int open = foreign.lastIndexOf(name);
        if (open < 0 || name.equals("br") || name.equals("p")) {
            // Closes an HTML element, or breaks out: foreign content is over, its end unclear.
            foreign.clear();
            return;
        }
        foreign.subList(open, foreign.size()).clear();
        if (foreign.isEmpty()) {
            skip(foreignContent, lt);
        }
    }

    private String name(int from, int to) {
        char[] chars = new char[to - from];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) (b[from + i] | 0x20);
        }
        return new String(chars);
    }

    private int after(int index, int length) {
        return index < 0 ? -1 : index + length;
    }

    /** The tokenizer's tag name ends at whitespace, '/' or '>'. */
    private int tagNameEnd(int from) {
        int i = from;
        while (i < end && (KINDS[b[i] & 0xff] & (SPACE | SLASH | GT)) == 0) {
            i++;
        }
        return i;
    }

    /**
     * Position after the '>' that ends a tag whose name ends at {@code from}, following the tokenizer's
     * attribute states (a quoted value may hold '>'); -1 when the page ends first. For a start tag
     * ({@code attributes} not {@link #KEEP_ATTRIBUTES}), attributes that are not read are left out on
     * the way, and so is an anchor's href value.
     */
    private int tagEnd(int from, int attributes) {
        int i = from;
        while (i < end) {
            char c = at(i);
            if (c == '>') {
                return i + 1;
            }
            if (isSpace(c) || c == '/') {
                i++;
                continue;
            }
            // Attribute name: up to whitespace, '/', '>' or '=' (a leading '=' belongs to the name).
            int nameStart = i;
            i++;
            while (i < end && (KINDS[b[i] & 0xff] & (SPACE | SLASH | GT | EQUALS)) == 0) {
                i++;
            }
            int nameEnd = i;
            boolean drop = attributes != KEEP_ATTRIBUTES && !isRead(nameStart, nameEnd);
            while (i < end && isSpace(at(i))) {
                i++;
            }
            if (i >= end || at(i) != '=') {
                if (drop) {
                    dropAttribute(nameStart, nameEnd);
                }
                continue;
            }
            i++;
            while (i < end && isSpace(at(i))) {
                i++;
            }
            if (i >= end) {
                return -1;
            }
            char q = at(i);
            if (q == '"' || q == '\'') {
                int closeQuote = indexOf(q, i + 1);
                if (closeQuote < 0) {
                    return -1;
                }
                if (attributes == ANCHOR && !drop && closeQuote > i + 1 && isName(nameStart, nameEnd, "href")) {
                    skip(i + 1, closeQuote);
                    if (linkTargets != null) {
                        linkTarget(i + 1, closeQuote);
                    }
                }
                i = closeQuote + 1;
            } else {
                while (i < end && (KINDS[b[i] & 0xff] & (SPACE | GT)) == 0) {
                    i++;
                }
            }
            if (drop) {
                dropAttribute(nameStart, i);
            }
        }
        return -1;
    }

    /**
     * Leaves out an attribute, name and value, {@code [from, to)}; the whitespace before it stays, so
     * that what follows cannot join the tag name. Runs of such attributes become one range.
     */
    private void dropAttribute(int from, int to) {
        if (count > 0) {
            int last = ranges[count * 2 - 1];
            int gap = last;
            while (gap < from && isSpace(at(gap))) {
                gap++;
            }
            if (gap == from && last > ranges[count * 2 - 2]) {
                ranges[count * 2 - 1] = to;
                return;
            }
        }
        skip(from, to);
    }

    private void linkTarget(int from, int to) {
        if (linkTargetCount * 2 == linkTargets.length) {
            linkTargets = Arrays.copyOf(linkTargets, linkTargets.length * 2);
        }
        linkTargets[linkTargetCount * 2] = from;
        linkTargets[linkTargetCount * 2 + 1] = to;
        linkTargetCount++;
    }

    private boolean isFormatting(int from, int to) {
        return isOneOf(FORMATTING, from, to);
    }

    /** Whether the attribute named {@code s[from, to)} is read (see {@link #READ_ATTRIBUTES}). */
    private boolean isRead(int from, int to) {
        return isOneOf(READ, from, to);
    }

    /** Whether {@code s[from, to)} is, in any case, one of the names grouped by {@link #byFirstLetter}. */
    private boolean isOneOf(String[][] names, int from, int to) {
        int letter = (b[from] | 0x20) - 'a';
        if (letter < 0 || letter >= names.length) {
            return false;
        }
        for (String name : names[letter]) {
            if (isName(from, to, name)) {
                return true;
            }
        }
        return false;
    }

    /** Lower-case names starting with a letter, grouped by it: a name is then compared with a few at most. */
    private static String[][] byFirstLetter(String... names) {
        String[][] groups = new String[26][0];
        for (String name : names) {
            String[] group = groups[name.charAt(0) - 'a'];
            group = Arrays.copyOf(group, group.length + 1);
            group[group.length - 1] = name;
            groups[name.charAt(0) - 'a'] = group;
        }
        return groups;
    }

    /** Start of the first {@code </name} followed by whitespace, '/' or '>' at or after {@code from}, or -1. */
    private int endTag(int from, String name) {
        for (int i = indexOf("</", from); i >= 0; i = indexOf("</", i + 2)) {
            if (isEndTag(i, name)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Start of the end tag of a script whose content starts at {@code from}; -1 when it is unterminated
     * or when its content holds "<!--" and then "<script" (the tokenizer's double-escaped state, in
     * which "</script>" does not end the script): the end is then no longer obvious.
     */
    private int scriptEnd(int from) {
        boolean commentOpener = false;
        for (int i = indexOf('<', from); i >= 0 && i + 1 < end; i = indexOf('<', i + 1)) {
            byte next = b[i + 1];
            if (next == '/' && isEndTag(i, "script")) {
                return commentOpener && hasScriptStartTag(from, i) ? -1 : i;
            }
            commentOpener |= next == '!' && startsWith("<!--", i);
        }
        return -1;
    }

    /** Whether {@code </name} followed by whitespace, '/' or '>' starts at {@code i}. */
    private boolean isEndTag(int i, String name) {
        int after = i + 2 + name.length();
        return after < end && b[i + 1] == '/' && matchesIgnoreCase(i + 2, name, 0, name.length())
                && (isSpace(at(after)) || at(after) == '/' || at(after) == '>');
    }

    /** Whether {@code s[from, to)} holds "<script" followed by whitespace, '/' or '>'. */
    private boolean hasScriptStartTag(int from, int to) {
        for (int i = indexOf('<', from, to); i >= 0; i = indexOf('<', i + 1, to)) {
            int after = i + 7;
            if (after < to && matchesIgnoreCase(i + 1, "script", 0, 6)
                    && (isSpace(at(after)) || at(after) == '/' || at(after) == '>')) {
                return true;
            }
        }
        return false;
    }

    /** Whether the start tag's attributes, {@code s[from, to)}, give it a JSON-LD type. */
    private boolean isJsonLd(int from, int to) {
        for (int i = indexOf('+', from, to); i >= 0; i = indexOf('+', i + 1, to)) {
            if (i >= from + 2 && i + 5 <= to && matchesIgnoreCase(i - 2, "ld+json", 0, 7)) {
                return true;
            }
        }
        return false;
    }

    private boolean isName(int from, int to, String name) {
        return to - from == name.length() && matchesIgnoreCase(from, name, 0, name.length());
    }

    private void skip(int from, int to) {
        if (to <= from) {
            return;
        }
        // An svg's content is added after the comments inside it: it replaces them.
        while (count > 0 && ranges[count * 2 - 2] >= from) {
            count--;
        }
        if (count * 2 == ranges.length) {
            ranges = Arrays.copyOf(ranges, ranges.length * 2);
        }
        ranges[count * 2] = from;
        ranges[count * 2 + 1] = to;
        count++;
    }

    private char at(int i) {
        return (char) (b[i] & 0xff);
    }

    /** First index of byte {@code c} in {@code [from, to)}, eight bytes at a time; -1 if absent. */
    private int indexOf(char c, int from, int to) {
        long pattern = c * ONES;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long x = (long) LONGS.get(b, i) ^ pattern;
            long zero = (x - ONES) & ~x & HIGHS;
            if (zero != 0) {
                // The lowest flagged byte is always a true match (borrows only run upwards).
                return i + (Long.numberOfTrailingZeros(zero) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private int indexOf(char c, int from) {
        return indexOf(c, from, end);
    }

    /** First index of ASCII {@code text} in {@code [from, to)}, or -1. */
    private int indexOf(String text, int from, int to) {
        char first = text.charAt(0);
        for (int i = indexOf(first, from, to); i >= 0; i = indexOf(first, i + 1, to)) {
            if (i + text.length() <= to && startsWith(text, i)) {
                return i;
            }
        }
        return -1;
    }

    private int indexOf(String text, int from) {
        return indexOf(text, from, end);
    }

    private boolean startsWith(String text, int at) {
        if (at + text.length() > end) {
            return false;
        }
        for (int k = 0; k < text.length(); k++) {
            if (b[at + k] != text.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the bytes at {@code at} spell lower-case ASCII {@code name} in any case. */
    private boolean matchesIgnoreCase(int at, String name, int offset, int length) {
        if (at + length > end) {
            return false;
        }
        for (int k = 0; k < length; k++) {
            if ((b[at + k] | 0x20) != name.charAt(offset + k)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSpace(char c) {
        return c <= ' ' && (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f');
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }
}
