package io.newsflow.enrich.steps;

import io.newsflow.enrich.keywords.KeywordExtractor;
import io.newsflow.schemas.avro.Keyphrase;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Key phrases scored against the stream's own running document frequencies (streaming TF-IDF):
 * what makes this article stand out against the last days of news. Term counts live in a windowed
 * store, one window per day, so the store forgets terms older than the retention by itself; the
 * counts of recent articles wait in memory and reach the store aggregated (see {@link TermCounts}).
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

    /** Default of {@code enrich.keywords.max-chars}. */
    static final int DEFAULT_MAX_CHARS = 100_000;

    private final KeywordExtractor extractor;
    private final TermCounts counts;
    private final int max;
    private final int maxChars;

    KeywordsStep(KeywordExtractor extractor, TermCounts counts, int max, int maxChars) {
        this.extractor = extractor;
        this.counts = counts;
        this.max = max;
        this.maxChars = maxChars;
    }

    /**
     * The store the step needs: retention from {@code keywords.retention-days} (default 7). No record
     * cache: {@link TermCounts} already sums in memory and writes each term once per flush, so the
     * Streams cache would only hold the same sums a second time and copy them into the store at every
     * commit (measured: 8% of the pipeline's CPU, for nothing).
     */
    static StoreBuilder<? extends StateStore> store(StepSettings settings) {
        Duration retention = retention(settings);
        return Stores.windowStoreBuilder(
                Stores.persistentWindowStore(STORE, retention.plus(TermCounts.WINDOW), TermCounts.WINDOW, false),
                Serdes.String(), Serdes.Long());
    }

    static Duration retention(StepSettings settings) {
        return Duration.ofDays(settings.getInt("keywords.retention-days", 7));
    }

    /**
     * The step of one task: counts flushed every {@code keywords.flush-interval-seconds} (default 30),
     * a slice of the terms at a time in {@code keywords.flush-slices} even steps over the interval
     * (default 30: one a second), or all at once when more than {@code keywords.flush-max-terms}
     * distinct terms wait (default 200,000, some 20 MB); store sums cached for
     * {@code keywords.cache-terms} terms (default 100,000).
     */
    static KeywordsStep create(KeywordExtractor extractor, StepSettings settings, StepProvider.StoreLookup stores) {
        WindowStore<String, Long> store = stores.store(STORE);
        int slices = settings.getInt("keywords.flush-slices", 30);
        TermCounts counts = new TermCounts(store, retention(settings), settings.getInt("keywords.flush-max-terms", 200_000),
                settings.getInt("keywords.cache-terms", 100_000), slices);
        Duration interval = Duration.ofSeconds(settings.getInt("keywords.flush-interval-seconds", 30));
        stores.schedule(Duration.ofMillis(Math.max(1, interval.toMillis() / slices)), counts::flushNextSlice);
        return new KeywordsStep(extractor, counts, settings.getInt("keywords.max", 10),
                TextCap.maxChars(settings, NAME, DEFAULT_MAX_CHARS));
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
        String title = TextCap.prefix(draft.title(), EntitiesStep.MAX_TITLE_CHARS);
        String text = TextCap.text(draft, NAME, maxChars);
        // Scored against the stream before this article is counted in it.
        KeywordExtractor.Analysis analysis = extractor.analyse(title, text, language, counts.asOf(now), max);
        draft.out().setKeyphrases(analysis.keyphrases().stream().map(k -> new Keyphrase(k.phrase(), k.score())).toList());
        counts.add(analysis.terms(), now);
    }
}
