package io.newsflow.enrich.topics;

import io.newsflow.enrich.text.Words;
import io.newsflow.enrich.topics.internal.TopicLexicon;
import io.newsflow.enrich.topics.internal.TopicLexicon.Category;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Scores the 17 top-level IPTC Media Topics with a hand-written weighted lexicon over the title and body
 * (English), then lets the publisher's section, URL path and keywords lift the topics they name. Works
 * without any hint. Thread-safe and allocation-light; load once with {@link #fromClasspath()}.
 */
public final class LexiconTopicClassifier implements TopicClassifier {

    private static final double TITLE_WEIGHT = 3.0;
    private static final double SLUG_WEIGHT = 2.0;
    /** Share of the final distribution that one matching hint is worth before renormalising. */
    private static final double HINT_BONUS = 0.6;
    private static final double MIN_SCORE = 0.1;
    private static final int MAX_TOPICS = 4;

    private final TopicLexicon lexicon;

    private LexiconTopicClassifier(TopicLexicon lexicon) {
        this.lexicon = lexicon;
    }

    /** Loads the bundled lexicon. */
    public static LexiconTopicClassifier fromClasspath() {
        return new LexiconTopicClassifier(TopicLexicon.load());
    }

    @Override
    public List<Topic> classify(String title, String text, String url, String section, List<String> keywords) {
        Map<String, Double> counts = new HashMap<>();
        count(title, TITLE_WEIGHT, counts);
        count(text, 1.0, counts);
        Set<String> hints = new HashSet<>();
        readUrl(url, hints, counts);
        addHints(section, hints);
        if (keywords != null) {
            keywords.forEach(k -> addHints(k, hints));
        }
        return rank(counts, hints);
    }

    private List<Topic> rank(Map<String, Double> counts, Set<String> hints) {
        List<Category> cats = lexicon.categories();
        double[] scores = new double[cats.size()];
        double total = 0;
        for (int i = 0; i < scores.length; i++) {
            scores[i] = lexicalScore(cats.get(i), counts);
            total += scores[i];
        }
        double sum = 0;
        for (int i = 0; i < scores.length; i++) {
            scores[i] = total > 0 ? scores[i] / total : 0;
            if (cats.get(i).hints().stream().anyMatch(hints::contains)) {
                scores[i] += HINT_BONUS;
            }
            sum += scores[i];
        }
        List<Topic> out = new ArrayList<>();
        for (int i = 0; i < scores.length && sum > 0; i++) {
            double s = scores[i] / sum;
            if (s >= MIN_SCORE) {
                out.add(new Topic(cats.get(i).code(), cats.get(i).label(), Math.round(s * 1000) / 1000.0));
            }
        }
        out.sort(Comparator.comparingDouble(Topic::score).reversed());
        return out.size() > MAX_TOPICS ? List.copyOf(out.subList(0, MAX_TOPICS)) : List.copyOf(out);
    }

    private static double lexicalScore(Category c, Map<String, Double> counts) {
        double s = 0;
        for (Map.Entry<String, Double> cue : c.cues().entrySet()) {
            Double n = counts.get(cue.getKey());
            if (n != null) {
                // Sublinear: the tenth "police" says less than the first.
                s += cue.getValue() * (1 + Math.log(n));
            }
        }
        return s;
    }

    private static void count(String text, double weight, Map<String, Double> counts) {
        if (text == null || text.isEmpty()) {
            return;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        int to = lower.length();
        String prev = null;
        // Words as [\p{L}\p{N}][\p{L}\p{N}&]* ("at&t"), scanned without a regular expression (see Words).
        for (int i = Words.nextLetterOrNumber(lower, 0, to); i < to; ) {
            int end = Words.runEnd(lower, i, to, false, "&");
            String w = lower.substring(i, end);
            i = Words.nextLetterOrNumber(lower, end, to);
            add(w, weight, counts);
            if (prev != null) {
                add(prev + " " + w, weight, counts);
            }
            prev = w;
        }
    }

    private static void add(String term, double weight, Map<String, Double> counts) {
        counts.merge(term, weight, Double::sum);
        if (term.length() > 3 && term.endsWith("s") && !term.endsWith("ss")) {
            counts.merge(term.substring(0, term.length() - 1), weight, Double::sum);
        }
    }

    /** Short path segments are sections ("/nfl/", "/science-and-health/"); the long slug reads like a title. */
    private static void readUrl(String url, Set<String> hints, Map<String, Double> counts) {
        if (url == null || url.isBlank()) {
            return;
        }
        String path;
        try {
            path = URI.create(url.strip().replace(" ", "%20")).getPath();
        } catch (IllegalArgumentException e) {
            return; // A malformed URL gives no hint; the text still decides.
        }
        if (path == null) {
            return;
        }
        for (String seg : path.toLowerCase(Locale.ROOT).split("/")) {
            if (seg.isEmpty() || seg.chars().allMatch(Character::isDigit)) {
                continue;
            }
            if (seg.chars().filter(ch -> ch == '-').count() <= 2) {
                addHints(seg, hints);
            } else {
                count(seg.replace('-', ' '), SLUG_WEIGHT, counts);
            }
        }
    }

    private static void addHints(String value, Set<String> hints) {
        if (value == null || value.isBlank()) {
            return;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        hints.add(v);
        for (String part : v.split("[^\\p{L}\\p{N}]+")) {
            if (!part.isEmpty()) {
                hints.add(part);
            }
        }
    }
}
