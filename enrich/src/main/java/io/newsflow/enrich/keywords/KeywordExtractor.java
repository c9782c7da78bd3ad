package io.newsflow.enrich.keywords;

import io.newsflow.enrich.keywords.internal.Candidates;
import io.newsflow.enrich.keywords.internal.Candidates.Stat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
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

    /** Fewest candidates scored between two checks of whether the rest could still be chosen. */
    private static final int SCORING_BATCH = 32;
    /** Best score first; ties by phrase, so the ranking never depends on map order. */
    private static final Comparator<Map.Entry<String, Double>> RANKING =
            Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey());

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
        return analyse(title, text, language, df, max).keyphrases();
    }

    /**
     * What {@link #extract} and {@link #terms} return, from one pass over the text (the candidate
     * phrases are the terms counted): a stream counts every article it scores, and collecting the
     * candidates twice was a tenth of the enrichment steps' time.
     */
    public Analysis analyse(String title, String text, String language, DocumentFrequencies df, int max) {
        Objects.requireNonNull(df, "df");
        if (max <= 0) {
            throw new IllegalArgumentException("max must be positive: " + max);
        }
        Map<String, Stat> stats = new LinkedHashMap<>();
        // Body first, so a phrase is shown as written in running text rather than in headline case.
        candidates.collect(text, language, 1.0, stats);
        candidates.collect(title, language, TITLE_WEIGHT, stats);
        return new Analysis(score(stats, df, max), List.copyOf(stats.keySet()));
    }

    /** Key phrases, best first, and the article's distinct terms (to count into the document frequencies). */
    public record Analysis(List<Keyword> keyphrases, List<String> terms) {
    }

    private static List<Keyword> score(Map<String, Stat> stats, DocumentFrequencies df, int max) {
        long n = df.documents();
        // A candidate's score is at most what it would be had the stream never seen it (document frequency
        // 0). Candidates are scored best bound first, and once the chosen phrases are settled no candidate
        // left can reach them: most words of an article occur once and are never looked up. The result is
        // the same as scoring every candidate; the look-ups (a state-store read each) are what is saved.
        double maxIdf = Math.log(n + 1.0) + 1.0;
        List<Candidate> pending = new ArrayList<>();
        for (Map.Entry<String, Stat> e : stats.entrySet()) {
            Stat s = e.getValue();
            if (s.words > 1 && s.count < 2) {
                continue; // A phrase seen once is usually an accident of word order, not a key phrase.
            }
            double tf = 1 + Math.log(s.count);
            double boost = 1 + LENGTH_BOOST * (s.words - 1);
            pending.add(new Candidate(e.getKey(), tf, boost, tf * maxIdf * boost));
        }
        pending.sort(Comparator.comparingDouble(Candidate::bound).reversed());
        List<Map.Entry<String, Double>> scored = new ArrayList<>();
        int next = 0;
        while (next < pending.size()) {
            // Batches grow with what is scored, so the sorts below stay O(n log n) in all (a fixed batch made
            // them quadratic on pages of thousands of distinct words); at worst a quarter more look-ups.
            int batch = Math.max(SCORING_BATCH, next / 4);
            for (int end = Math.min(pending.size(), next + batch); next < end; next++) {
                Candidate c = pending.get(next);
                double idf = Math.log((n + 1.0) / (df.frequency(c.key()) + 1.0)) + 1.0;
                scored.add(Map.entry(c.key(), c.tf() * idf * c.boost()));
            }
            if (next < pending.size()) {
                scored.sort(RANKING);
                List<Map.Entry<String, Double>> picks = pick(scored, max);
                if (picks.size() == max && pending.get(next).bound() < picks.get(max - 1).getValue()) {
                    break;
                }
            }
        }
        scored.sort(RANKING);
        List<Keyword> out = new ArrayList<>();
        for (Map.Entry<String, Double> e : pick(scored, max)) {
            out.add(new Keyword(stats.get(e.getKey()).surface, Math.round(e.getValue() * 1000) / 1000.0));
        }
        out.sort(Comparator.comparingDouble(Keyword::score).reversed());
        return out;
    }

    /** The distinct terms of an article to count once into the document frequencies. */
    public List<String> terms(String title, String text, String language) {
        return List.copyOf(candidates.keys(title, text, language));
    }

    /**
     * The best phrases in {@code ranked} order, up to {@code max}, leaving out any contained in or overlapping a
     * better one. Only chosen phrases sharing a word can overlap, so they are found by word: with a large
     * {@code max}, comparing with every chosen phrase was quadratic.
     */
    private static List<Map.Entry<String, Double>> pick(List<Map.Entry<String, Double>> ranked, int max) {
        List<Map.Entry<String, Double>> chosen = new ArrayList<>();
        Map<String, List<String>> chosenByWord = new HashMap<>();
        for (Map.Entry<String, Double> e : ranked) {
            String key = e.getKey();
            String[] words = key.split(" ");
            if (overlapsChosen(key, words, chosenByWord)) {
                continue;
            }
            chosen.add(e);
            for (String w : words) {
                chosenByWord.computeIfAbsent(w, k -> new ArrayList<>()).add(key);
            }
            if (chosen.size() == max) {
                break;
            }
        }
        return chosen;
    }

    private static boolean overlapsChosen(String key, String[] words, Map<String, List<String>> chosenByWord) {
        for (String w : words) {
            for (String c : chosenByWord.getOrDefault(w, List.of())) {
                if (contains(c, key) || contains(key, c) || sharedWords(c, key) >= 2) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A phrase to score: its term frequency, length boost, and the highest score it could have. */
    private record Candidate(String key, double tf, double boost, double bound) {
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
