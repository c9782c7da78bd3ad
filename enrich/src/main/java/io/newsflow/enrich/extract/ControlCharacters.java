package io.newsflow.enrich.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * Removes control characters from what the extractor outputs, and from what the pipeline takes from elsewhere
 * (feed hints), so that no stage downstream sees them: a page of
 * {@code &#1;} or of raw C0/C1 bytes once produced a text whose JSON escaping ({@code \u0001}) was five times
 * its size. Tab and newline stay; carriage returns become newlines and form feeds spaces, as in HTML.
 * Invisible characters that only hint at line breaking (zero-width space, word joiner, zero-width no-break
 * space) go too: left in, they split words for every search downstream. Zero-width joiners stay, since they
 * shape emoji and Indic and Arabic script, and so do soft hyphens: both benchmarks' reference texts keep
 * them (dropping them cost snippets and shingles on both development sets).
 */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    /**
     * The string without C0 and C1 controls and invisible line-breaking hints (null stays null); the same
     * instance when it has none.
     */
    public static String strip(String s) {
        if (s == null) {
            return null;
        }
        int i = 0;
        while (i < s.length() && !isDropped(s.charAt(i))) {
            i++;
        }
        if (i == s.length()) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        out.append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isDropped(c)) {
                out.append(c);
            } else if (c == '\r') {
                if (i + 1 >= s.length() || s.charAt(i + 1) != '\n') {
                    out.append('\n');
                }
            } else if (c == '\f' || c == '\u000B') {
                out.append(' ');
            }
        }
        return out.toString();
    }

    /** Like {@link #strip(String)}, but a value that only its control characters made non-blank becomes null. */
    public static String stripToNull(String s) {
        String out = strip(s);
        return out != s && out.isBlank() ? null : out;
    }

    /** Each value stripped; values that only control characters made non-blank are dropped. */
    public static List<String> strip(List<String> values) {
        if (values == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>(values.size());
        for (String v : values) {
            String s = stripToNull(v);
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    private static boolean isDropped(char c) {
        return isControl(c) || isInvisible(c);
    }

    /** Whether {@code c} is an invisible line-breaking hint: U+200B, U+2060 or U+FEFF. */
    public static boolean isInvisible(char c) {
        return c == '\u200b' || c == '\u2060' || c == '\ufeff';
    }

    /** Whether {@code c} is a C0 or C1 control character (DEL included) other than tab and newline. */
    public static boolean isControl(char c) {
        return c < 0x20 ? c != '\t' && c != '\n' : c >= 0x7f && c <= 0x9f;
    }
}
