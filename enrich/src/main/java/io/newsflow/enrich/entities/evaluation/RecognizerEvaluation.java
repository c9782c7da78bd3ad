package io.newsflow.enrich.entities.evaluation;

import io.newsflow.enrich.entities.Entity;
import io.newsflow.enrich.entities.EntityRecognizer;
import io.newsflow.enrich.entities.Mention;
import io.newsflow.enrich.entities.tagger.ConllCorpus;
import io.newsflow.enrich.entities.tagger.Labels;
import io.newsflow.enrich.entities.tagger.SpanScores;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/** Scores recognizers on CoNLL-format documents and measures their speed side by side. */
public final class RecognizerEvaluation {

    private static final java.lang.management.ThreadMXBean CPU =
            java.lang.management.ManagementFactory.getThreadMXBean();

    private RecognizerEvaluation() {
    }

    /**
     * A recognizer's scores on some documents.
     *
     * @param scores exact-match counts
     * @param crossing mentions that ran across a line break (each is also a false positive)
     */
    public record Result(SpanScores scores, int crossing) {
    }

    /** Scores a recognizer on documents, each given as text with no title and language "en". */
    public static Result score(EntityRecognizer recognizer, List<ConllCorpus.Document> docs) {
        SpanScores scores = new SpanScores();
        int crossing = 0;
        for (ConllCorpus.Document doc : docs) {
            ConllText text = ConllText.of(doc);
            List<List<Labels.Span>> predicted = new ArrayList<>();
            doc.sentences().forEach(s -> predicted.add(new ArrayList<>()));
            for (Entity e : recognizer.recognize(null, text.text(), "en")) {
                int type = typeIndex(e);
                for (Mention m : e.spans()) {
                    int[] at = text.tokens(m.start(), m.end());
                    if (at != null) {
                        predicted.get(at[0]).add(new Labels.Span(at[1], at[2], type));
                        continue;
                    }
                    // Not on token boundaries: a wrong name all the same.
                    scores.falsePositive(type);
                    if (text.text().substring(m.start(), m.end()).indexOf('\n') >= 0) {
                        crossing++;
                    }
                }
            }
            for (int s = 0; s < predicted.size(); s++) {
                scores.add(doc.sentences().get(s).spans(), predicted.get(s).stream().distinct().toList());
            }
        }
        return new Result(scores, crossing);
    }

    private static int typeIndex(Entity e) {
        return switch (e.type()) {
            case PERSON -> 0;
            case ORGANIZATION -> 1;
            case LOCATION -> 2;
            case MISC -> 3;
        };
    }

    /**
     * Tokens per CPU-second of each recognizer over the texts, one thread, after {@code warmup} untimed rounds; the
     * recognizers take turns within each of {@code rounds} rounds and the median round is reported. The clock is
     * the thread's CPU time, not the wall: on a shared machine other processes stretch wall time at random, while
     * the CPU time a recognizer needs stays what it is (caches shared with other processes still add noise).
     */
    public static Map<String, Double> tokensPerSecond(Map<String, Supplier<EntityRecognizer>> recognizers,
            List<ConllText> texts, int warmup, int rounds) {
        Map<String, EntityRecognizer> loaded = new LinkedHashMap<>();
        recognizers.forEach((name, s) -> loaded.put(name, s.get()));
        int tokens = texts.stream().mapToInt(ConllText::tokens).sum();
        Map<String, double[]> times = new LinkedHashMap<>();
        loaded.keySet().forEach(name -> times.put(name, new double[rounds]));
        for (int r = -warmup; r < rounds; r++) {
            for (Map.Entry<String, EntityRecognizer> e : loaded.entrySet()) {
                long started = CPU.getCurrentThreadCpuTime();
                for (ConllText t : texts) {
                    e.getValue().recognize(null, t.text(), "en");
                }
                if (r >= 0) {
                    times.get(e.getKey())[r] = (CPU.getCurrentThreadCpuTime() - started) / 1e9;
                }
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        times.forEach((name, t) -> {
            double[] sorted = t.clone();
            Arrays.sort(sorted);
            out.put(name, tokens / sorted[sorted.length / 2]);
        });
        return out;
    }

    /** A printable report of one recognizer's scores. */
    public static String report(String name, Result result) {
        return String.format(Locale.ROOT, "%s%n%s  mentions across a line break: %d%n", name,
                result.scores().table(), result.crossing());
    }
}
