package io.newsflow.cli.bench;

import io.newsflow.enrich.dedupe.MinHash;
import io.newsflow.enrich.dedupe.NearDuplicateIndex;
import io.newsflow.enrich.dedupe.Signature;
import io.newsflow.enrich.steps.ArticleDraft;
import io.newsflow.enrich.steps.EnrichmentStep;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.RawArticle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The topology's work without the topology: the same steps (made as for a stream task, state in
 * memory) and the near-duplicate search, run on the same articles in a plain loop on the same
 * number of threads. The bench runs it after the pipeline, in the same JVM, so that the ratio of the
 * two throughputs says what Kafka, state stores and exactly-once cost on top of the steps.
 */
public final class PlainLoop {

    /** What the loop measured. */
    public record Result(int articles, int threads, double seconds, int stepFailures, Map<String, Double> msPerArticle) {

        /** Articles per second over all threads. */
        public double throughput() {
            return articles / seconds;
        }

        /** One line for the bench's output. */
        public String line() {
            StringBuilder steps = new StringBuilder();
            msPerArticle.forEach((step, ms) -> steps.append(String.format(Locale.ROOT, " %s %.2f", step, ms)));
            return String.format(Locale.ROOT, "bench: plain loop (same steps and dedupe, no Kafka): %d articles on %d threads in %.1f s = %.1f/s, %d failures; ms per article:%s",
                    articles, threads, seconds, throughput(), stepFailures, steps);
        }
    }

    private PlainLoop() {
    }

    /**
     * Runs {@code articles} through a fresh set of steps per thread ({@code steps}), then a MinHash
     * search like dedupe's, on {@code threads} threads sharing the articles.
     */
    public static Result run(Supplier<List<EnrichmentStep>> steps, List<RawArticle> articles, int threads,
                             double dedupeThreshold) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        List<Map<String, Long>> nanos = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            Map<String, Long> mine = new LinkedHashMap<>();
            nanos.add(mine);
            List<EnrichmentStep> chain = steps.get();
            // One index per thread, as one band task would hold its buckets: the search's cost, not its reach.
            NearDuplicateIndex index = new NearDuplicateIndex(dedupeThreshold, Long.MAX_VALUE / 4);
            workers.add(Thread.ofPlatform().name("bench-loop-" + t).start(() -> {
                for (int i = next.getAndIncrement(); i < articles.size(); i = next.getAndIncrement()) {
                    enrich(articles.get(i), chain, index, mine, failures);
                }
            }));
        }
        for (Thread w : workers) {
            w.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Double> perArticle = new LinkedHashMap<>();
        for (Map<String, Long> m : nanos) {
            m.forEach((step, ns) -> perArticle.merge(step, ns / 1e6 / articles.size(), Double::sum));
        }
        return new Result(articles.size(), threads, seconds, failures.get(), perArticle);
    }

    private static void enrich(RawArticle raw, List<EnrichmentStep> chain, NearDuplicateIndex index,
                               Map<String, Long> nanos, AtomicInteger failures) {
        ArticleDraft draft = ArticleDraft.start(raw, "bench");
        EnrichedArticle.Builder out = draft.out();
        for (EnrichmentStep step : chain) {
            long t0 = System.nanoTime();
            try {
                step.apply(draft);
            } catch (RuntimeException | StackOverflowError e) {
                failures.incrementAndGet(); // the topology routes it as a dead letter; the loop counts it
            }
            nanos.merge(step.name(), System.nanoTime() - t0, Long::sum);
        }
        long t0 = System.nanoTime();
        if (!out.getText().isBlank()) { // as in the topology: an article without text is not searched
            try {
                Signature signature = MinHash.signature(out.getText());
                long now = raw.getFetchedAt().toEpochMilli();
                index.find(signature, now);
                index.add(raw.getId(), signature, now);
            } catch (RuntimeException e) {
                failures.incrementAndGet();
            }
        }
        nanos.merge("dedupe", System.nanoTime() - t0, Long::sum);
    }
}
