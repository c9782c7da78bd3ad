package io.newsflow.enrich.dedupe;

import io.newsflow.enrich.dedupe.internal.Shingles;
import io.newsflow.enrich.text.Words;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Arrays;
import java.util.Locale;

/**
 * MinHash signatures over 4-word shingles, banded for locality-sensitive lookup.
 *
 * <p>Why MinHash rather than SimHash: wire copies are often <em>trimmed</em> (the last paragraphs cut). A trimmed
 * copy keeps every shingle of its part, so its containment in the original stays near 1 while SimHash's bit
 * distance grows with the cut and soon exceeds any small Hamming radius. MinHash estimates Jaccard similarity,
 * and with the two shingle counts (kept in the signature) that gives containment too. Cost: 64 ints per article.
 *
 * <p>Lookup scheme: {@value #BANDS} bands of {@value #ROWS} rows ({@link Signature#bandKeys()}); two articles
 * become candidates when any band key is equal, which happens with probability 1-(1-J²)³² (J=0.3: 95%, J=0.1:
 * 27%, J=0.02: 1%); candidates are then confirmed with {@link Signature#similarity(Signature)}.
 */
public final class MinHash {

    /** Number of hash functions (signature length). */
    public static final int HASHES = 64;
    /** Number of LSH bands. */
    public static final int BANDS = 32;
    /** Rows (signature values) per band. */
    public static final int ROWS = HASHES / BANDS;
    /** Words per shingle: long enough that shared phrases do not look alike, short enough to survive edits. */
    public static final int SHINGLE_WORDS = 4;

    private static final long[] SEEDS = seeds();

    private MinHash() {
    }

    /** Computes the signature of a text (normalised for case, punctuation and whitespace). */
    public static Signature signature(String text) {
        long[] shingles = Shingles.hashes(text, SHINGLE_WORDS);
        int[] mins = new int[HASHES];
        Arrays.fill(mins, Integer.MAX_VALUE);
        for (long s : shingles) {
            for (int i = 0; i < HASHES; i++) {
                int v = (int) (Shingles.mix(s ^ SEEDS[i]) >>> 33); // non-negative, so plain int order works
                if (v < mins[i]) {
                    mins[i] = v;
                }
            }
        }
        return new Signature(mins, shingles.length);
    }

    /**
     * A hex SHA-256 of the normalised text: identical bodies under different URLs share it, so exact
     * duplicates need only a key lookup.
     */
    public static String contentHash(String text) {
        String normal = text == null ? "" : normalised(text);
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(normal.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /**
     * The text lower-cased, its words and numbers ({@code [\p{L}\p{N}]+}) joined by single spaces: what
     * {@code replaceAll("[^\\p{L}\\p{N}]+", " ").strip()} gave, which the stored hashes were made with, without
     * a regular expression over the whole text (it was most of this hash's time, taken twice per article).
     */
    static String normalised(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        int to = lower.length();
        StringBuilder out = new StringBuilder(to);
        for (int i = Words.nextLetterOrNumber(lower, 0, to); i < to; ) {
            int end = Words.runEnd(lower, i, to, false, "");
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(lower, i, end);
            i = Words.nextLetterOrNumber(lower, end, to);
        }
        return out.toString();
    }

    private static long[] seeds() {
        long[] s = new long[HASHES];
        long x = 0x5DEECE66DL;
        for (int i = 0; i < HASHES; i++) {
            x = Shingles.mix(x + 0x9E3779B97F4A7C15L);
            s[i] = x;
        }
        return s;
    }
}
