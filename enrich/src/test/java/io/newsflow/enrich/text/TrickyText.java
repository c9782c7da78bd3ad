package io.newsflow.enrich.text;

import java.util.List;
import java.util.Random;

/**
 * Random strings made of the pieces that make word scanners and regular expressions disagree: letters of several
 * scripts, combining marks, numbers that are not digits, characters outside the Basic Multilingual Plane, lone
 * surrogates, joiners, dots, abbreviations and every kind of whitespace and line terminator.
 */
public final class TrickyText {

    private static final List<String> PIECES = List.of(
            "a", "b", "s", "S", "x", "A", "J", "M", "K", "r", "t", "ll", "Mr", "Dr", "Sen", "No", "Jan",
            "é", "ß", "İ", "Σ", "я", "中", "ا", "\u0301", "\u0903", "\u20DD",
            "1", "0", "²", "½", "Ⅻ", "٣",
            "𝐀", "😀", "𐍈", "\uD800", "\uDC00",
            ".", ".", "-", "'", "’", "&", "(", ")", "!", "?", "\"", ",", ":", "。",
            " ", " ", " ", "\t", "\n", "\r", "\r\n", "\u000B", "\f", "\u00A0", "\u2028", "\u0085", "\u2009",
            "U.S.", "J.", "O'Brien", "state-run", "at&t", "x's", "X’S", "don't", "they'll", "e.g.", "A.B.C.");

    private TrickyText() {
    }

    /** A string of up to {@code maxPieces} random pieces. */
    public static String next(Random random, int maxPieces) {
        StringBuilder b = new StringBuilder();
        int n = random.nextInt(maxPieces + 1);
        for (int i = 0; i < n; i++) {
            b.append(PIECES.get(random.nextInt(PIECES.size())));
        }
        return b.toString();
    }

    /** Whether {@code i} does not fall inside a surrogate pair (a region boundary a caller may choose). */
    public static boolean isBoundary(String s, int i) {
        return i <= 0 || i >= s.length()
                || !(Character.isHighSurrogate(s.charAt(i - 1)) && Character.isLowSurrogate(s.charAt(i)));
    }

    /** The string with its invisible and awkward characters written as escapes, for failure messages. */
    public static String escaped(String s) {
        StringBuilder b = new StringBuilder();
        s.chars().forEach(c -> b.append(c < 0x20 || c > 0x7E ? String.format("\\u%04X", c) : String.valueOf((char) c)));
        return b.toString();
    }
}
