package io.newsflow.enrich.extract.internal;

import java.util.Locale;

/** Compares texts by their words only, ignoring case, punctuation and spacing. */
final class TextMatch {

    private TextMatch() {
    }

    /** Lower-cased letters and digits of {@code text} with everything else dropped ("The Times!" gives "thetimes"). */
    static String compact(String text) {
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
    static String normalize(String text) {
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
