package io.newsflow.enrich.entities;

import io.newsflow.enrich.keywords.InMemoryDocumentFrequencies;
import io.newsflow.enrich.dedupe.MinHash;
import io.newsflow.enrich.dedupe.NearDuplicateIndex;
import io.newsflow.enrich.keywords.KeywordExtractor;
import io.newsflow.enrich.language.LanguageDetector;
import io.newsflow.enrich.language.OpenNlpLanguageDetector;
import io.newsflow.enrich.summary.LeadSummarizer;
import io.newsflow.enrich.topics.LexiconTopicClassifier;
import io.newsflow.enrich.topics.TopicClassifier;
import java.util.List;
import java.util.Locale;

/**
 * A benchmark harness (not a test): prints the recognizer's tokens per second and the whole enrichment chain's
 * articles per second on one thread over the labelled texts. Figures vary with the machine; run it alone.
 */
public final class EnrichmentBenchmark {

    private static final int WARMUP_ROUNDS = 5;
    private static final int ROUNDS = 20;
    private static final List<String> STAGES = List.of("language", "entities", "topics", "keywords", "dedupe", "summary");

    private EnrichmentBenchmark() {
    }

    /** Runs the benchmark. */
    public static void main(String[] args) {
        List<String> texts = io.newsflow.enrich.entities.evaluation.LabelledArticles
                .read(java.nio.file.Path.of("src/test/resources/eval/entities")).texts();
        long tokens = texts.stream().mapToLong(t -> t.split("\\s+").length).sum();
        EntityRecognizer model = TrainedEntityRecognizer.fromClasspath();
        EntityRecognizer rules = RuleBasedEntityRecognizer.fastFromClasspath();
        recognizer("trained model (default)", model, texts, tokens);
        recognizer("rules", rules, texts, tokens);
        recognizer("rules with POS tagging", RuleBasedEntityRecognizer.fromClasspath(), texts, tokens);
        chain("default chain (trained model)", model, texts);
        chain("chain with the rule-based recognizer", rules, texts);
    }

    private static void recognizer(String label, EntityRecognizer recognizer, List<String> texts, long tokens) {
        for (int i = 0; i < WARMUP_ROUNDS; i++) {
            texts.forEach(t -> recognizer.recognize(null, t, "en"));
        }
        long start = System.nanoTime();
        for (int i = 0; i < ROUNDS; i++) {
            texts.forEach(t -> recognizer.recognize(null, t, "en"));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%s: %d articles, %d whitespace tokens x %d rounds: %.0f tokens/s, %.1f articles/s%n",
                label, texts.size(), tokens, ROUNDS, tokens * ROUNDS / seconds, texts.size() * ROUNDS / seconds);
    }

    private static void chain(String label, EntityRecognizer recognizer, List<String> texts) {
        LanguageDetector language = OpenNlpLanguageDetector.fromClasspath();
        TopicClassifier topics = LexiconTopicClassifier.fromClasspath();
        KeywordExtractor keywords = new KeywordExtractor();
        LeadSummarizer summarizer = new LeadSummarizer();
        NearDuplicateIndex index = new NearDuplicateIndex(NearDuplicateIndex.DEFAULT_THRESHOLD, Long.MAX_VALUE / 4);
        InMemoryDocumentFrequencies df = new InMemoryDocumentFrequencies();
        long n = 0;
        long[] nanos = new long[STAGES.size()];
        long start = 0;
        for (int round = 0; round < WARMUP_ROUNDS + ROUNDS; round++) {
            if (round == WARMUP_ROUNDS) {
                start = System.nanoTime();
                n = 0;
                java.util.Arrays.fill(nanos, 0);
            }
            for (String t : texts) {
                long t0 = System.nanoTime();
                String lang = language.detect(t, null);
                long t1 = System.nanoTime();
                recognizer.recognize(null, t, lang);
                long t2 = System.nanoTime();
                topics.classify(null, t, null, null, null);
                long t3 = System.nanoTime();
                keywords.extract(null, t, lang, df, 10);
                df.add(keywords.terms(null, t, lang));
                long t4 = System.nanoTime();
                var sig = MinHash.signature(t);
                index.find(sig, n);
                index.add("a" + n, sig, n);
                long t5 = System.nanoTime();
                summarizer.summarize(null, t, lang, 3);
                long t6 = System.nanoTime();
                long[] marks = {t0, t1, t2, t3, t4, t5, t6};
                for (int i = 0; i < nanos.length; i++) {
                    nanos[i] += marks[i + 1] - marks[i];
                }
                n++;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%s: %.1f articles/s on one thread; ms per article:", label, n / seconds);
        for (int i = 0; i < nanos.length; i++) {
            System.out.printf(Locale.ROOT, " %s %.2f", STAGES.get(i), nanos[i] / 1e6 / n);
        }
        System.out.println();
    }
}
