package io.newsflow.enrich.extract.internal.walk;

import java.util.Arrays;
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

    /** Each ASCII letter or digit lower-cased; looked up while hashing a word. */
    private static final char[] LOWER_CASE = new char[0x80];

    static {
        for (char c = 0; c < 0x80; c++) {
            LOWER_CASE[c] = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
    }

    private final String[] table;
    /** The String hash of each word in {@link #table}, so that most misses never touch the String. */
    private final int[] hashes;
    private final int mask;

    /** A vocabulary of lower-case ASCII letters and digits. */
    NameWords(Set<String> words) {
        int size = Integer.highestOneBit(Math.max(16, words.size() * 4) - 1) << 1;
        this.table = new String[size];
        this.hashes = new int[size];
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
            hashes[i] = w.hashCode();
        }
    }

    /**
     * The known words of {@code values} in order, each run of unknown words between two known ones
     * given as {@link #OTHER}; an empty array when no word is known (the caller's empty value).
     */
    String[] of(String[] none, String... values) {
        String[] out = null;
        int size = 0;
        boolean gap = false;
        for (String raw : values) {
            int len = raw.length();
            int i = 0;
            while (i < len) {
                char c = raw.charAt(i);
                int kind = c < 0x80 ? KINDS[c] : SEPARATOR;
                if (kind == SEPARATOR) {
                    i++;
                    continue;
                }
                // A word runs to the next separator or camelCase hump (an upper-case letter after a lower-case one).
                int start = i;
                int hash = 0;
                while (true) {
                    hash = 31 * hash + LOWER_CASE[c];
                    int previous = kind;
                    if (++i == len) {
                        break;
                    }
                    c = raw.charAt(i);
                    kind = c < 0x80 ? KINDS[c] : SEPARATOR;
                    if (kind == SEPARATOR || kind == UPPER && previous == LOWER) {
                        break;
                    }
                }
                String known = find(raw, start, i, hash);
                if (known == null) {
                    gap = true;
                    continue;
                }
                if (out == null) {
                    out = new String[4];
                } else if (gap) {
                    out = add(out, size++, OTHER);
                }
                out = add(out, size++, known);
                gap = false;
            }
        }
        return out == null ? none : Arrays.copyOf(out, size);
    }

    private static String[] add(String[] out, int at, String word) {
        String[] to = at < out.length ? out : Arrays.copyOf(out, out.length * 2);
        to[at] = word;
        return to;
    }

    /** The vocabulary word equal to the lower-cased {@code raw[start, end)}, whose String hash is {@code hash}. */
    private String find(String raw, int start, int end, int hash) {
        for (int i = spread(hash) & mask; table[i] != null; i = (i + 1) & mask) {
            if (hashes[i] == hash) {
                String w = table[i];
                if (w.length() == end - start && sameLowerCase(w, raw, start)) {
                    return w;
                }
            }
        }
        return null;
    }

    private static boolean sameLowerCase(String word, String raw, int start) {
        for (int k = 0; k < word.length(); k++) {
            if (word.charAt(k) != LOWER_CASE[raw.charAt(start + k)]) {
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
}
