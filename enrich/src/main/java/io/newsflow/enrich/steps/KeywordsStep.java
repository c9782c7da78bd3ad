package io.newsflow.enrich.steps;

import io.newsflow.enrich.keywords.DocumentFrequencies;
import io.newsflow.enrich.keywords.Keyword;
import io.newsflow.enrich.keywords.KeywordExtractor;
import io.newsflow.schemas.avro.Keyphrase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Key phrases scored against the stream's own running document frequencies (streaming TF-IDF):
 * what makes this article stand out against the last days of news. Term counts live in a windowed
 * store, one window per day, so the store forgets terms older than the retention by itself.
 *
 * <p>Each stream task counts the articles of its own partitions. Articles are spread over
 * partitions by a hash of their id, so each task's counts are a uniform sample of the stream and
 * its IDF estimates are unbiased; no repartitioning is needed.
 */
public final class KeywordsStep implements EnrichmentStep {

    /** Name in {@code enrich.steps}. */
    public static final String NAME = "keywords";
    /** The term-count store. */
    public static final String STORE = "keywords-document-frequencies";
    /** Pseudo-term holding the number of documents counted (cannot collide: terms have no NUL). */
    static final String DOCUMENTS = "\u0000documents";
    private static final Duration WINDOW = Duration.ofDays(1);

    /** Default of {@code enrich.keywords.max-chars}. */
    static final int DEFAULT_MAX_CHARS = 100_000;

    private final KeywordExtractor extractor;
    private final WindowStore<String, Long> counts;
    private final Duration retention;
    private final int max;
    private final int maxChars;

    KeywordsStep(KeywordExtractor extractor, WindowStore<String, Long> counts, Duration retention, int max,
            int maxChars) {
        this.extractor = extractor;
        this.counts = counts;
        this.retention = retention;
        this.max = max;
        this.maxChars = maxChars;
    }

    /** The store the step needs: retention from {@code keywords.retention-days} (default 7). */
    static StoreBuilder<? extends StateStore> store(StepSettings settings) {
        Duration retention = retention(settings);
        return Stores.windowStoreBuilder(
                Stores.persistentWindowStore(STORE, retention.plus(WINDOW), WINDOW, false),
                Serdes.String(), Serdes.Long()).withCachingEnabled();
    }

    static Duration retention(StepSettings settings) {
        return Duration.ofDays(settings.getInt("keywords.retention-days", 7));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void apply(ArticleDraft draft) {
        if (draft.text().isBlank()) {
            return;
        }
        Instant now = draft.raw().getFetchedAt();
        String language = draft.out().getLanguage();
        DocumentFrequencies df = new StoreFrequencies(now);
        String title = TextCap.prefix(draft.title(), EntitiesStep.MAX_TITLE_CHARS);
        String text = TextCap.text(draft, NAME, maxChars);
        List<Keyword> keywords = extractor.extract(title, text, language, df, max);
        draft.out().setKeyphrases(keywords.stream().map(k -> new Keyphrase(k.phrase(), k.score())).toList());
        long window = now.toEpochMilli() - Math.floorMod(now.toEpochMilli(), WINDOW.toMillis());
        increment(DOCUMENTS, window);
        for (String term : extractor.terms(title, text, language)) {
            increment(term, window);
        }
    }

    private void increment(String term, long window) {
        Long current = counts.fetch(term, window);
        counts.put(term, current == null ? 1L : current + 1, window);
    }

    /** Document frequencies summed over the daily windows within the retention. */
    private final class StoreFrequencies implements DocumentFrequencies {
        private final long from;
        private final long to;

        StoreFrequencies(Instant now) {
            this.to = now.toEpochMilli();
            this.from = to - retention.toMillis();
        }

        @Override
        public long documents() {
            return frequency(DOCUMENTS);
        }

        @Override
        public long frequency(String term) {
            long sum = 0;
            try (WindowStoreIterator<Long> it = counts.fetch(term, Instant.ofEpochMilli(from), Instant.ofEpochMilli(to))) {
                while (it.hasNext()) {
                    sum += it.next().value;
                }
            }
            return sum;
        }
    }
}
