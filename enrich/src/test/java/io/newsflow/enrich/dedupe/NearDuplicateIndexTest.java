package io.newsflow.enrich.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class NearDuplicateIndexTest {

    private static final long WEEK = Duration.ofDays(7).toMillis();

    @Test
    void findsAWireCopyRepublishedWithANewHeadline() {
        NearDuplicateIndex index = new NearDuplicateIndex(NearDuplicateIndex.DEFAULT_THRESHOLD, WEEK);
        index.add("original", MinHash.signature("Plague case reported\n" + MinHashTest.STORY), 0);
        index.add("sports", MinHash.signature(MinHashTest.OTHER), 0);
        var match = index.find(MinHash.signature("China confirms bubonic plague\n" + MinHashTest.STORY), 1000);
        assertThat(match).hasValueSatisfying(m -> {
            assertThat(m.duplicateOf()).isEqualTo("original");
            assertThat(m.similarity()).isGreaterThan(0.9);
        });
    }

    @Test
    void findsNothingForAnUnrelatedArticle() {
        NearDuplicateIndex index = new NearDuplicateIndex(NearDuplicateIndex.DEFAULT_THRESHOLD, WEEK);
        index.add("original", MinHash.signature(MinHashTest.STORY), 0);
        assertThat(index.find(MinHash.signature(MinHashTest.OTHER), 1000)).isEmpty();
    }

    @Test
    void forgetsArticlesOlderThanTheRetention() {
        NearDuplicateIndex index = new NearDuplicateIndex(NearDuplicateIndex.DEFAULT_THRESHOLD, WEEK);
        index.add("original", MinHash.signature(MinHashTest.STORY), 0);
        assertThat(index.find(MinHash.signature(MinHashTest.STORY), WEEK + 1)).isEmpty();
        assertThat(index.size()).isZero();
    }

    @Test
    void replacesTheSignatureOfARevisedArticle() {
        NearDuplicateIndex index = new NearDuplicateIndex(NearDuplicateIndex.DEFAULT_THRESHOLD, WEEK);
        index.add("a", MinHash.signature(MinHashTest.STORY), 0);
        index.add("a", MinHash.signature(MinHashTest.OTHER), 10);
        assertThat(index.size()).isEqualTo(1);
        assertThat(index.find(MinHash.signature(MinHashTest.STORY), 20)).isEmpty();
    }
}
