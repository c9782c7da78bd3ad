package io.newsflow.enrich.extract.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits class, id and role values into lower-cased words (at punctuation and camelCase humps) and
 * keeps only the words some rule knows. Class names are mostly layout words ("col", "md", "x7f2a")
 * that no rule matches; looking each word up in a fixed table while scanning, instead of cutting
 * substrings or hashing whole attribute values, makes naming an element nearly free.
 */
final class NameWords {

    /** Stands for a run of unknown words between known ones, so that "read-x-more" is no "readmore". */
    static final String OTHER = "";

    private static final byte SEPARATOR = 0;
    private static final byte LOWER = 1;
    private static final byte DIGIT = 2;
    private static final byte UPPER = 3;
    /** What each ASCII character is to the scan; other characters separate words. */
    private static final byte[] KINDS = new byte[0x80];

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            KINDS[c] = LOWER;
            KINDS[c - 'a' + 'A'] = UPPER;
        }
        for (char c = '0'; c <= '9'; c++) {
            KINDS[c] = DIGIT;
        }
    }

    private final String[] table;
    private final int mask;

    /** A vocabulary of lower-case ASCII letters and digits. */
    NameWords(Set<String> words) {
        int size = Integer.highestOneBit(Math.max(16, words.size() * 4) - 1) << 1;
        this.table = new String[size];
        this.mask = size - 1;
        for (String w : words) {
            if (!w.equals(w.toLowerCase(Locale.ROOT)) || w.chars().anyMatch(c -> !isWordChar((char) c))) {
                throw new IllegalArgumentException("not a lower-case word: " + w);
            }
            int i = spread(w.hashCode()) & mask;
            while (table[i] != null && !table[i].equals(w)) {
                i = (i + 1) & mask;
            }
            table[i] = w;
        }
    }

    /**
     * The known words of {@code values} in order, each run of unknown words between two known ones
     * given as {@link #OTHER}; an empty array when no word is known (the caller's empty value).
     */
    String[] of(String[] none, String... values) {
        List<String> out = null;
        boolean gap = false;
        for (String raw : values) {
            int start = -1;
            int hash = 0;
            int len = raw.length();
            int previous = SEPARATOR;
            for (int i = 0; i <= len; i++) {
                char c = i < len ? raw.charAt(i) : ' ';
                int kind = c < 0x80 ? KINDS[c] : SEPARATOR;
                boolean word = kind != SEPARATOR;
                boolean hump = kind == UPPER && previous == LOWER;
                previous = kind;
                if (start >= 0 && (!word || hump)) {
                    String known = find(raw, start, i, hash);
                    if (known == null) {
                        gap = true;
                    } else {
                        if (out == null) {
                            out = new ArrayList<>(4);
                        } else if (gap) {
                            out.add(OTHER);
                        }
                        out.add(known);
                        gap = false;
                    }
                    start = -1;
                }
                if (word) {
                    if (start < 0) {
                        start = i;
                        hash = 0;
                    }
                    hash = 31 * hash + (kind == UPPER ? c + ('a' - 'A') : c);
                }
            }
        }
        return out == null ? none : out.toArray(none);
    }

    /** The vocabulary word equal to the lower-cased {@code raw[start, end)}, whose String hash is {@code hash}. */
    private String find(String raw, int start, int end, int hash) {
        int n = end - start;
        for (int i = spread(hash) & mask; table[i] != null; i = (i + 1) & mask) {
            String w = table[i];
            if (w.length() == n && sameLowerCase(w, raw, start)) {
                return w;
            }
        }
        return null;
    }

    private static boolean sameLowerCase(String word, String raw, int start) {
        for (int k = 0; k < word.length(); k++) {
            if (word.charAt(k) != lower(raw.charAt(start + k))) {
                return false;
            }
        }
        return true;
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }

    /** ASCII letters and digits only: other characters separate words. */
    private static boolean isWordChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }
}
