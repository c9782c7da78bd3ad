package io.newsflow.enrich.steps;

/**
 * Bounds what a step reads of an article, so that no single article can cost a step more than its share of a
 * transaction: the libraries are near-linear, and the cap fixes the constant. Cuts keep offsets (a prefix) and
 * never split a word or a surrogate pair where a space is near.
 */
final class TextCap {

    /** How far back from the limit a space is looked for. */
    private static final int WORD_SLACK = 100;

    private TextCap() {
    }

    /** Reads the {@code <step>.max-chars} setting; a non-positive value fails fast at start-up. */
    static int maxChars(StepSettings settings, String step, int fallback) {
        int max = settings.getInt(step + ".max-chars", fallback);
        if (max <= 0) {
            throw new IllegalArgumentException("enrich." + step + ".max-chars must be positive but was " + max);
        }
        return max;
    }

    /** The text itself when short enough, otherwise its first {@code maxChars} characters at most. */
    static String prefix(String text, int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        for (int i = maxChars; i > maxChars - WORD_SLACK && i > 0; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                return text.substring(0, i);
            }
        }
        int end = Character.isLowSurrogate(text.charAt(maxChars)) ? maxChars - 1 : maxChars;
        return text.substring(0, end);
    }

    /** Cuts the draft's text for one step, noting the cut among the article's warnings. */
    static String text(ArticleDraft draft, String step, int maxChars) {
        String text = draft.text();
        if (text.length() > maxChars) {
            draft.warn(step + ": read the first " + maxChars + " of " + text.length() + " characters");
            return prefix(text, maxChars);
        }
        return text;
    }
}
