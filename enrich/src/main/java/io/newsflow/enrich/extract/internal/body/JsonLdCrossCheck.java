package io.newsflow.enrich.extract.internal.body;

import io.newsflow.enrich.extract.internal.walk.BlockStats;
import io.newsflow.enrich.extract.internal.walk.TextMatch;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jsoup.nodes.Element;

/**
 * Uses a page's JSON-LD articleBody only as a witness: when the DOM choice shares little with it
 * and another high-scoring block matches it far better, that block is the article. The JSON-LD
 * text itself is never output, since it is often truncated or stale.
 */
final class JsonLdCrossCheck {

    private static final int MIN_WITNESS_CHARS = 500;
    private static final int CANDIDATES = 8;
    private static final double MIN_MATCH = 0.6;
    private static final double MIN_GAIN = 0.2;

    private JsonLdCrossCheck() {
    }

    /**
     * The article, rendered from {@code chosen} or from a candidate block matching the {@code witness} (may be
     * null) far better. Texts are compared as {@code render} gives them, i.e. as they would be output;
     * {@code textOf} reads the text of a rendering (which may carry Markdown beside it).
     */
    static <R> R check(List<Element> chosen, BlockStats stats, String witness, Function<List<Element>, R> render,
            Function<R, String> textOf) {
        R rendered = render.apply(chosen);
        if (witness == null || witness.length() < MIN_WITNESS_CHARS) {
            return rendered;
        }
        BigramSet expected = bigrams(witness);
        double current = match(expected, textOf.apply(rendered));
        if (current >= MIN_MATCH + MIN_GAIN) {
            return rendered;
        }
        R best = rendered;
        double bestMatch = current + MIN_GAIN;
        for (Element candidate : topCandidates(stats)) {
            R candidateRendering = render.apply(List.of(candidate));
            double m = match(expected, textOf.apply(candidateRendering));
            if (m >= MIN_MATCH && m > bestMatch) {
                best = candidateRendering;
                bestMatch = m;
            }
        }
        return best;
    }

    private static List<Element> topCandidates(BlockStats stats) {
        List<Map.Entry<Element, BlockStats.Stat>> entries = new ArrayList<>();
        for (Map.Entry<Element, BlockStats.Stat> e : stats.all().entrySet()) {
            if (e.getValue().good > 0 && stats.attached(e.getKey())) {
                entries.add(e);
            }
        }
        entries.sort(Comparator.comparingDouble(
                (Map.Entry<Element, BlockStats.Stat> e) -> ContentLocator.score(e.getKey(), e.getValue())).reversed());
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < Math.min(CANDIDATES, entries.size()); i++) {
            out.add(entries.get(i).getKey());
        }
        return out;
    }

    /** F1 of word-bigram sets: rewards covering the witness without dragging in much else. */
    private static double match(BigramSet expected, String text) {
        BigramSet found = bigrams(text);
        if (found.size() == 0 || expected.size() == 0) {
            return 0;
        }
        int common = found.countCommon(expected);
        double p = (double) common / found.size();
        double r = (double) common / expected.size();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /**
     * Adjacent word pairs ("w1 w2"). Normalized text separates words by exactly one space, so each
     * pair is a range of it, kept as a 64-bit hash of its characters rather than a substring.
     */
    private static BigramSet bigrams(String text) {
        String norm = TextMatch.normalize(text);
        BigramSet out = new BigramSet(norm.length() / 6);
        int prevStart = 0;
        int start = norm.indexOf(' ') + 1;
        if (start == 0) {
            return out;
        }
        while (true) {
            int end = norm.indexOf(' ', start);
            out.add(norm, prevStart, end < 0 ? norm.length() : end);
            if (end < 0) {
                return out;
            }
            prevStart = start;
            start = end + 1;
        }
    }

    /**
     * A set of bigrams as 64-bit FNV-1a hashes in an open-addressing table: a page has a few thousand
     * bigrams, and hashing ranges avoids a String and a set entry per pair. Two different pairs with
     * the same 64-bit hash (odds about 1e-13 per page) would merely count as one.
     */
    static final class BigramSet {
        private long[] slots;
        private boolean hasZero;
        private int size;

        BigramSet(int expected) {
            slots = new long[Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1];
        }

        void add(String s, int from, int to) {
            long h = 0xcbf29ce484222325L;
            for (int i = from; i < to; i++) {
                h = (h ^ s.charAt(i)) * 0x100000001b3L;
            }
            insert(h);
        }

        int size() {
            return size;
        }

        int countCommon(BigramSet other) {
            int common = hasZero && other.hasZero ? 1 : 0;
            for (long h : slots) {
                if (h != 0 && other.contains(h)) {
                    common++;
                }
            }
            return common;
        }

        private boolean contains(long h) {
            if (h == 0) {
                return hasZero;
            }
            int mask = slots.length - 1;
            for (int i = index(h, mask); slots[i] != 0; i = (i + 1) & mask) {
                if (slots[i] == h) {
                    return true;
                }
            }
            return false;
        }

        private void insert(long h) {
            if (h == 0) {
                size += hasZero ? 0 : 1;
                hasZero = true;
                return;
            }
            int mask = slots.length - 1;
            int i = index(h, mask);
            for (; slots[i] != 0; i = (i + 1) & mask) {
                if (slots[i] == h) {
                    return;
                }
            }
            slots[i] = h;
            if (++size * 2 > slots.length) {
                grow();
            }
        }

        private void grow() {
            long[] old = slots;
            slots = new long[old.length * 2];
            size = hasZero ? 1 : 0;
            for (long h : old) {
                if (h != 0) {
                    insert(h);
                }
            }
        }

        private static int index(long h, int mask) {
            return (int) (h ^ (h >>> 29) ^ (h >>> 47)) & mask;
        }
    }
}
