package io.newsflow.enrich.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The labelled pair corpus: every copy found, no different-outlet or unrelated pair flagged. */
class NearDuplicateCorpusTest {

    private static boolean flagged(DedupeEvaluation.Pair p) {
        NearDuplicateIndex index = new NearDuplicateIndex(NearDuplicateIndex.DEFAULT_THRESHOLD, Long.MAX_VALUE / 4);
        index.add("a", MinHash.signature(p.a()), 0);
        return index.find(MinHash.signature(p.b()), 1).isPresent();
    }

    @Test
    void flagsWireCopiesTrimmedCopiesAndEditedCopies() {
        List<DedupeEvaluation.Pair> copies = DedupeEvaluation.load().stream().filter(DedupeEvaluation.Pair::duplicate).toList();
        assertThat(copies).hasSizeGreaterThan(40).allMatch(NearDuplicateCorpusTest::flagged);
    }

    @Test
    void leavesSameStoryFromAnotherOutletAndUnrelatedPairsAlone() {
        List<DedupeEvaluation.Pair> others = DedupeEvaluation.load().stream().filter(p -> !p.duplicate()).toList();
        assertThat(others).hasSizeGreaterThan(25).noneMatch(NearDuplicateCorpusTest::flagged);
    }
}
