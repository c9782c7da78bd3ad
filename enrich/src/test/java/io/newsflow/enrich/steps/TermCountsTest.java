package io.newsflow.enrich.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.keywords.DocumentFrequencies;
import io.newsflow.enrich.keywords.Keyword;
import io.newsflow.enrich.keywords.KeywordExtractor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.Test;

class TermCountsTest {

    private static final Instant DAY = Instant.parse("2024-03-01T08:00:00Z");
    private final KeywordExtractor extractor = new KeywordExtractor();

    /**
     * The 22 labelled articles, each scored against the ones before it: counting in memory and
     * flushing every third article, with a cache too small to hold the terms, chooses exactly the
     * key phrases that counting every article in the store does (measured tolerance: none).
     */
    @Test
    void choosesTheKeyphrasesOfExactPerArticleCountsOnTheLabelledArticles() throws IOException {
        assertThat(sameKeyphrasesAsExactCounts(1)).isEqualTo(22);
    }

    /** The same with the flush spread over 5 slices, one slice written after each article. */
    @Test
    void aFlushSpreadOverSlicesChoosesTheSameKeyphrases() throws IOException {
        assertThat(sameKeyphrasesAsExactCounts(5)).isEqualTo(22);
    }

    private int sameKeyphrasesAsExactCounts(int slices) throws IOException {
        List<String> texts = labelledTexts();
        assertThat(texts).hasSize(22);
        TermCounts counts = new TermCounts(store(), Duration.ofDays(7), 1_000_000, 50, slices);
        Map<String, Long> exact = new HashMap<>();
        long[] documents = {0};
        DocumentFrequencies reference = new DocumentFrequencies() {
            @Override
            public long documents() {
                return documents[0];
            }

            @Override
            public long frequency(String term) {
                return exact.getOrDefault(term, 0L);
            }
        };
        int same = 0;
        for (int i = 0; i < texts.size(); i++) {
            Instant at = DAY.plus(Duration.ofHours(i * 4L)); // crosses days: windows roll over
            List<Keyword> expected = extractor.extract(null, texts.get(i), "en", reference, 10);
            List<Keyword> actual = extractor.extract(null, texts.get(i), "en", counts.asOf(at), 10);
            same += expected.equals(actual) ? 1 : 0;
            List<String> terms = extractor.terms(null, texts.get(i), "en");
            terms.forEach(t -> exact.merge(t, 1L, Long::sum));
            documents[0]++;
            counts.add(terms, at);
            if (slices > 1) {
                counts.flushNextSlice();
            } else if (i % 3 == 2) {
                counts.flush();
            }
        }
        return same;
    }

    /**
     * Each call writes one slice's terms, all of them, with their sums; after as many calls as slices
     * everything is in the store, and reads are exact at every step in between.
     */
    @Test
    void eachSliceOfAFlushWritesItsOwnTermsAndReadsStayExact() {
        WindowStore<String, Long> store = store();
        int slices = 4;
        TermCounts counts = new TermCounts(store, Duration.ofDays(7), 100_000, 100, slices);
        List<String> terms = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            terms.add("term" + i);
        }
        counts.add(terms, DAY);
        counts.add(terms.subList(0, 50), DAY);
        long window = TermCounts.windowOf(DAY.toEpochMilli());
        int pending = counts.pendingTerms();
        assertThat(pending).isEqualTo(201); // and the document count
        for (int call = 1; call <= slices; call++) {
            counts.flushNextSlice();
            for (int i = 0; i < terms.size(); i++) {
                long expected = i < 50 ? 2 : 1;
                // Slices go in order, a term's slice being its hash modulo their number.
                boolean written = Math.floorMod(terms.get(i).hashCode(), slices) < call;
                assertThat(store.fetch(terms.get(i), window)).as("%s after %d slices", terms.get(i), call)
                        .isEqualTo(written ? expected : null);
                assertThat(counts.asOf(DAY).frequency(terms.get(i))).isEqualTo(expected);
            }
            assertThat(counts.asOf(DAY).documents()).isEqualTo(2);
            // Each call writes some terms: 200 hashes leave no slice empty.
            assertThat(counts.pendingTerms()).as("after %d slices", call).isLessThan(pending);
            pending = counts.pendingTerms();
        }
        assertThat(counts.pendingTerms()).isZero();
        assertThat(store.fetch(TermCounts.DOCUMENTS, window)).isEqualTo(2L);
    }

    /**
     * A flush adds to the sums the previous one wrote without reading them back when it remembers
     * them; with a memo of one term, most are read back: the store holds the same sums either way,
     * also for a late article of an earlier day flushed after today's.
     */
    @Test
    void storeSumsStayExactAcrossFlushesWhateverTheMemoHolds() {
        Instant yesterday = DAY.minus(Duration.ofDays(1));
        for (int memo : new int[] {1, 1_000}) {
            WindowStore<String, Long> store = store();
            TermCounts counts = new TermCounts(store, Duration.ofDays(7), 1_000, memo);
            for (int flush = 0; flush < 4; flush++) {
                counts.add(List.of("harbour", "bridge", "ferry" + flush), DAY);
                counts.add(List.of("harbour"), DAY);
                if (flush == 2) {
                    counts.add(List.of("harbour", "tunnel"), yesterday);
                }
                counts.flush();
            }
            long today = TermCounts.windowOf(DAY.toEpochMilli());
            long before = TermCounts.windowOf(yesterday.toEpochMilli());
            assertThat(store.fetch("harbour", today)).as("memo %d", memo).isEqualTo(8L);
            assertThat(store.fetch("bridge", today)).isEqualTo(4L);
            assertThat(store.fetch("ferry3", today)).isEqualTo(1L);
            assertThat(store.fetch(TermCounts.DOCUMENTS, today)).isEqualTo(8L);
            assertThat(store.fetch("harbour", before)).isEqualTo(1L);
            assertThat(store.fetch("tunnel", before)).isEqualTo(1L);
            assertThat(counts.asOf(DAY).frequency("harbour")).isEqualTo(9L);
        }
    }

    @Test
    void writesEachTermOnceAFlushWithTheSumOfItsArticles() {
        WindowStore<String, Long> store = store();
        TermCounts counts = new TermCounts(store, Duration.ofDays(7), 1_000, 100);
        for (int i = 0; i < 5; i++) {
            counts.add(List.of("harbour", "bridge" + i), DAY);
        }
        assertThat(store.fetch("harbour", TermCounts.windowOf(DAY.toEpochMilli()))).isNull();
        assertThat(counts.asOf(DAY).frequency("harbour")).isEqualTo(5);
        counts.flush();
        assertThat(store.fetch("harbour", TermCounts.windowOf(DAY.toEpochMilli()))).isEqualTo(5L);
        assertThat(store.fetch(TermCounts.DOCUMENTS, TermCounts.windowOf(DAY.toEpochMilli()))).isEqualTo(5L);
        assertThat(counts.pendingTerms()).isZero();
        assertThat(counts.asOf(DAY).frequency("harbour")).isEqualTo(5);
    }

    @Test
    void flushesEarlyWhenTooManyDistinctTermsWait() {
        TermCounts counts = new TermCounts(store(), Duration.ofDays(7), 100, 100);
        for (int i = 0; i < 30; i++) {
            counts.add(List.of("a" + i, "b" + i, "c" + i, "d" + i), DAY);
            assertThat(counts.pendingTerms()).isLessThanOrEqualTo(105);
        }
        assertThat(counts.asOf(DAY).documents()).isEqualTo(30);
    }

    @Test
    void forgetsDaysOlderThanTheRetention() {
        TermCounts counts = new TermCounts(store(), Duration.ofDays(7), 1_000, 100);
        counts.add(List.of("harbour"), DAY);
        counts.flush();
        assertThat(counts.asOf(DAY.plus(Duration.ofDays(6))).frequency("harbour")).isEqualTo(1);
        assertThat(counts.asOf(DAY.plus(Duration.ofDays(7))).frequency("harbour")).isZero();
    }

    @Test
    void withoutAStoreKeepsFlushedCountsInMemoryForTheRetention() {
        TermCounts counts = new TermCounts(null, Duration.ofDays(7), 2, 100); // flushes at every article
        counts.add(List.of("harbour", "bridge"), DAY);
        counts.add(List.of("harbour"), DAY.plus(Duration.ofDays(1)));
        assertThat(counts.pendingTerms()).isLessThanOrEqualTo(2);
        assertThat(counts.asOf(DAY.plus(Duration.ofDays(1))).frequency("harbour")).isEqualTo(2);
        assertThat(counts.asOf(DAY.plus(Duration.ofDays(1))).documents()).isEqualTo(2);
        counts.add(List.of("quay"), DAY.plus(Duration.ofDays(7)));
        counts.flush();
        assertThat(counts.asOf(DAY.plus(Duration.ofDays(7))).frequency("harbour")).isEqualTo(1);
        assertThat(counts.asOf(DAY.plus(Duration.ofDays(7))).frequency("bridge")).isZero();
    }

    private static WindowStore<String, Long> store() {
        WindowStore<String, Long> store = Stores.windowStoreBuilder(
                Stores.inMemoryWindowStore("counts", Duration.ofDays(8), TermCounts.WINDOW, false),
                Serdes.String(), Serdes.Long()).withLoggingDisabled().build();
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
        return store;
    }

    private static List<String> labelledTexts() throws IOException {
        List<String> texts = new ArrayList<>();
        for (String id : resource("INDEX").split("\\R")) {
            if (!id.isBlank()) {
                texts.add(resource(id.strip() + ".txt"));
            }
        }
        return texts;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = TermCountsTest.class.getResourceAsStream("/eval/entities/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
