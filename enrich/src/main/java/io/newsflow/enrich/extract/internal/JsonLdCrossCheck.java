package io.newsflow.enrich.extract.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /** Returns {@code chosen} or a better-matching candidate; {@code witness} may be null. */
    static List<Element> check(List<Element> chosen, BlockStats stats, String witness) {
        if (witness == null || witness.length() < MIN_WITNESS_CHARS || chosen.isEmpty()) {
            return chosen;
        }
        Set<String> expected = bigrams(witness);
        double current = match(expected, chosen);
        if (current >= MIN_MATCH + MIN_GAIN) {
            return chosen;
        }
        Element best = null;
        double bestMatch = current + MIN_GAIN;
        for (Element candidate : topCandidates(stats)) {
            double m = match(expected, List.of(candidate));
            if (m >= MIN_MATCH && m > bestMatch) {
                best = candidate;
                bestMatch = m;
            }
        }
        return best == null ? chosen : List.of(best);
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
    private static double match(Set<String> expected, List<Element> roots) {
        StringBuilder text = new StringBuilder();
        for (Element r : roots) {
            text.append(r.text()).append(' ');
        }
        Set<String> found = bigrams(text.toString());
        if (found.isEmpty() || expected.isEmpty()) {
            return 0;
        }
        int common = 0;
        for (String b : found) {
            if (expected.contains(b)) {
                common++;
            }
        }
        double p = (double) common / found.size();
        double r = (double) common / expected.size();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /**
     * Adjacent word pairs ("w1 w2"). Normalized text separates words by exactly one space, so each
     * pair is a substring of it: cut directly instead of splitting into words and joining them again.
     */
    private static Set<String> bigrams(String text) {
        String norm = TextMatch.normalize(text);
        Set<String> out = new HashSet<>(Math.max(16, norm.length() / 6));
        int prevStart = 0;
        int start = norm.indexOf(' ') + 1;
        if (start == 0) {
            return out;
        }
        while (true) {
            int end = norm.indexOf(' ', start);
            out.add(norm.substring(prevStart, end < 0 ? norm.length() : end));
            if (end < 0) {
                return out;
            }
            prevStart = start;
            start = end + 1;
        }
    }
}
