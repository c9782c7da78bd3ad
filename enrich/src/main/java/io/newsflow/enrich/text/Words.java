package io.newsflow.enrich.text;

/**
 * Word scanners over a region {@code [from, to)} of a string, each returning what a named regular expression would
 * match there. Character classes are Java's: {@code \p{L}} letters, {@code \p{M}} marks and {@code \p{N}} numbers
 * of any script, read by code point, and {@code \s} ASCII whitespace only.
 */
public final class Words {

    private Words() {
    }

    /** {@code [\p{L}\p{N}]}. */
    public static boolean isLetterOrNumber(int cp) {
        return switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                 Character.MODIFIER_LETTER, Character.OTHER_LETTER,
                 Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
            default -> false;
        };
    }

    /** {@code [\p{L}\p{M}\p{N}]}. */
    public static boolean isLetterMarkOrNumber(int cp) {
        return switch (Character.getType(cp)) {
            case Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK -> true;
            default -> isLetterOrNumber(cp);
        };
    }

    /** {@code \s} without the Unicode flag: space, tab, line feed, vertical tab, form feed, carriage return. */
    public static boolean isSpace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    /** Whether a letter or number ({@code marks}: or a mark) starts at {@code i}, before {@code to}. */
    public static boolean wordCharAt(CharSequence s, int i, int to, boolean marks) {
        if (i >= to) {
            return false;
        }
        int cp = Character.codePointAt(s, i);
        return marks ? isLetterMarkOrNumber(cp) : isLetterOrNumber(cp);
    }

    /**
     * The end of {@code [\p{L}\p{N}]*} from {@code from} (with {@code marks}: {@code [\p{L}\p{M}\p{N}]*}); the
     * characters of {@code also} count as word characters too.
     */
    public static int runEnd(CharSequence s, int from, int to, boolean marks, String also) {
        int i = from;
        while (i < to) {
            int cp = Character.codePointAt(s, i);
            if (!(marks ? isLetterMarkOrNumber(cp) : isLetterOrNumber(cp)) && also.indexOf(cp) < 0) {
                break;
            }
            i += Character.charCount(cp);
        }
        return i;
    }

    /**
     * The end of {@code W+(?:[J]W+)*+} from {@code from}, where W is a letter or number (with {@code marks}: or a
     * mark) and J one of {@code joiners}: a word with inner hyphens or apostrophes ("state-run", "O'Brien").
     */
    public static int joinedEnd(CharSequence s, int from, int to, boolean marks, String joiners) {
        int end = runEnd(s, from, to, marks, "");
        while (end < to && joiners.indexOf(s.charAt(end)) >= 0 && wordCharAt(s, end + 1, to, marks)) {
            end = runEnd(s, end + 1, to, marks, "");
        }
        return end;
    }

    /**
     * The end of the token at {@code i} as {@code [\p{L}\p{N}]+(?:[J][\p{L}\p{N}]+)*+|[^\s\p{L}\p{N}]} matches
     * it, J being one of {@code joiners}: a word, or else one symbol. {@code i} must not be at {@code \s}.
     */
    public static int wordOrSymbolEnd(CharSequence s, int i, int to, String joiners) {
        return wordCharAt(s, i, to, false) ? joinedEnd(s, i, to, false, joiners) : codePointEnd(s, i);
    }

    /** The first index at or after {@code from} where a letter or number starts, or {@code to}. */
    public static int nextLetterOrNumber(CharSequence s, int from, int to) {
        int i = from;
        while (i < to) {
            int cp = Character.codePointAt(s, i);
            if (isLetterOrNumber(cp)) {
                return i;
            }
            i += Character.charCount(cp);
        }
        return to;
    }

    /** The first index at or after {@code from} that is not {@code \s}, or {@code to}. */
    public static int nextNonSpace(CharSequence s, int from, int to) {
        int i = from;
        while (i < to && isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The end of the code point at {@code i}: one character, or two for a surrogate pair. */
    public static int codePointEnd(CharSequence s, int i) {
        return i + Character.charCount(Character.codePointAt(s, i));
    }

    /** The number of matches of {@code [\p{L}\p{N}]+} in {@code s}: its words and numbers. */
    public static int count(CharSequence s) {
        int n = 0;
        int to = s.length();
        for (int i = nextLetterOrNumber(s, 0, to); i < to; i = nextLetterOrNumber(s, runEnd(s, i, to, false, ""), to)) {
            n++;
        }
        return n;
    }
}
