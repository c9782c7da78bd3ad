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
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (gap && !sb.isEmpty()) {
                    sb.append(' ');
                }
                sb.append(c);
                gap = false;
            } else {
                gap = true;
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }
}
