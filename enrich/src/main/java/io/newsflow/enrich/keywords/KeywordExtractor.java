package io.newsflow.enrich.keywords;

import io.newsflow.enrich.keywords.internal.Candidates;
import io.newsflow.enrich.keywords.internal.Candidates.Stat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Streaming TF-IDF key phrases: candidates are stop-word-delimited runs of up to four content words, scored
 * by their (title-boosted) frequency in the article against the running document frequencies of the stream,
 * so a phrase common in today's news scores low. Thread-safe.
 */
public final class KeywordExtractor {

    private static final double TITLE_WEIGHT = 2.0;
    /** Longer phrases are rarer by construction; a mild boost lets "interior ministry" beat "ministry". */
    private static final double LENGTH_BOOST = 0.25;

    private final Candidates candidates;

    /** Creates an extractor with the bundled stop-word lists. */
    public KeywordExtractor() {
        this.candidates = Candidates.load();
    }

    /**
     * Returns up to {@code max} key phrases, best first; a phrase contained in a better one is left out.
     *
     * @param df the stream's document frequencies; the article itself need not be counted yet
     */
    public List<Keyword> extract(String title, String text, String language, DocumentFrequencies df, int max) {
        Objects.requireNonNull(df, "df");
        if (max <= 0) {
            throw new IllegalArgumentException("max must be positive: " + max);
        }
        Map<String, Stat> stats = new LinkedHashMap<>();
        // Body first, so a phrase is shown as written in running text rather than in headline case.
        candidates.collect(text, language, 1.0, stats);
        candidates.collect(title, language, TITLE_WEIGHT, stats);
        long n = df.documents();
        List<Map.Entry<String, Double>> scored = new ArrayList<>();
        for (Map.Entry<String, Stat> e : stats.entrySet()) {
            Stat s = e.getValue();
            if (s.words > 1 && s.count < 2) {
                continue; // A phrase seen once is usually an accident of word order, not a key phrase.
            }
            double idf = Math.log((n + 1.0) / (df.frequency(e.getKey()) + 1.0)) + 1.0;
            double tf = 1 + Math.log(s.count);
            scored.add(Map.entry(e.getKey(), tf * idf * (1 + LENGTH_BOOST * (s.words - 1))));
        }
        scored.sort(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        return select(scored, stats, max);
    }

    /** The distinct terms of an article to count once into the document frequencies. */
    public List<String> terms(String title, String text, String language) {
        return List.copyOf(candidates.keys(title, text, language));
    }

    private static List<Keyword> select(List<Map.Entry<String, Double>> scored, Map<String, Stat> stats, int max) {
        List<Keyword> out = new ArrayList<>();
        List<String> chosen = new ArrayList<>();
        for (Map.Entry<String, Double> e : scored) {
            String key = e.getKey();
            if (chosen.stream().anyMatch(c -> contains(c, key) || contains(key, c) || sharedWords(c, key) >= 2)) {
                continue;
            }
            chosen.add(key);
            out.add(new Keyword(stats.get(key).surface, Math.round(e.getValue() * 1000) / 1000.0));
            if (out.size() == max) {
                break;
            }
        }
        out.sort(Comparator.comparingDouble(Keyword::score).reversed());
        return out;
    }

    /** Overlapping n-grams of one name ("new york state attorney", "york state attorney general") share words. */
    private static long sharedWords(String a, String b) {
        List<String> wa = List.of(a.split(" "));
        return Arrays.stream(b.split(" ")).distinct().filter(wa::contains).count();
    }

    private static boolean contains(String longer, String shorter) {
        return (" " + longer + " ").contains(" " + shorter + " ");
    }
}
