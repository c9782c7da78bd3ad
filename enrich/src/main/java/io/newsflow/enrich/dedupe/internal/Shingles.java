package io.newsflow.enrich.dedupe.internal;

import java.util.Arrays;
import java.util.Locale;

/** Hashes the word shingles of a text after normalising case, punctuation and whitespace. */
public final class Shingles {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private Shingles() {
    }

    /** Returns the 64-bit hashes of the text's {@code size}-word shingles (fewer words: one shingle of all). */
    public static long[] hashes(String text, int size) {
        long[] words = wordHashes(text);
        if (words.length == 0) {
            return new long[0];
        }
        int n = Math.max(1, words.length - size + 1);
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            long h = 0;
            for (int j = i; j < Math.min(i + size, words.length); j++) {
                h = h * 0x9E3779B97F4A7C15L + words[j];
            }
            out[i] = mix(h);
        }
        return out;
    }

    /** A strong 64-bit finaliser (SplitMix64), so derived hash functions behave independently. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static long[] wordHashes(String text) {
        if (text == null) {
            return new long[0];
        }
        String s = text.toLowerCase(Locale.ROOT);
        long[] buf = new long[Math.max(16, s.length() / 4)];
        int n = 0;
        long h = FNV_OFFSET;
        boolean inWord = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                h = (h ^ c) * FNV_PRIME;
                inWord = true;
            } else if (inWord) {
                if (n == buf.length) {
                    buf = Arrays.copyOf(buf, n * 2);
                }
                buf[n++] = h;
                h = FNV_OFFSET;
                inWord = false;
            }
        }
        if (inWord) {
            if (n == buf.length) {
                buf = Arrays.copyOf(buf, n + 1);
            }
            buf[n++] = h;
        }
        return Arrays.copyOf(buf, n);
    }
}
