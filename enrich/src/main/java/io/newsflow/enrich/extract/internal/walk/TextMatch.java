package io.newsflow.enrich.extract.internal.walk;

import java.util.Locale;

/** Compares texts by their words only, ignoring case, punctuation and spacing. */
public final class TextMatch {

    /** Whitespace among the ASCII characters, which most text is. */
    private static final boolean[] ASCII_SPACE = new boolean[0x80];

    static {
        for (char c = 0; c < 0x80; c++) {
            ASCII_SPACE[c] = Character.isWhitespace(c);
        }
    }

    private TextMatch() {
    }

    /**
     * {@link Character#isWhitespace} or a no-break space, as a reader sees spacing. Above ASCII only
     * U+00A0, U+1680, U+2000 to U+200A but U+2007, U+2028, U+2029, U+205F and U+3000 are: tested by
     * range, since this runs on every character of a page's text, much of it in other scripts.
     */
    public static boolean isSpace(char c) {
        if (c < 0x80) {
            return ASCII_SPACE[c];
        }
        if (c < '\u1680') {
            return c == '\u00a0';
        }
        return c == '\u1680' || c >= '\u2000' && c <= '\u200a' && c != '\u2007' || c == '\u2028' || c == '\u2029'
                || c == '\u205f' || c == '\u3000';
    }

    /** Lower-cased letters and digits of {@code text} with everything else dropped ("The Times!" gives "thetimes"). */
    public static String compact(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(c);
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    /** Lower-cased letters and digits of {@code text}, words separated by one space. */
    public static String normalize(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        boolean gap = false;
        boolean ascii = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean word;
            if (c < 0x80) {
                // ASCII is lower-cased here; other text below, as a whole (String rules such as a final sigma).
                word = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z';
                c = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
            } else {
                word = Character.isLetterOrDigit(c);
                ascii &= !word;
            }
            if (word) {
                if (gap && !sb.isEmpty()) {
                    sb.append(' ');
                }
                sb.append(c);
                gap = false;
            } else {
                gap = true;
            }
        }
        return ascii ? sb.toString() : sb.toString().toLowerCase(Locale.ROOT);
    }
}
