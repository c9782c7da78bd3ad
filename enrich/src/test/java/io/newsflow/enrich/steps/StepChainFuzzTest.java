package io.newsflow.enrich.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.Entity;
import io.newsflow.schemas.avro.Span;

/**
 * Fuzzes every step after extraction on arbitrary title and text, as extraction could hand them over. Seeds
 * under {@code src/test/resources/io/newsflow/enrich/steps/StepChainFuzzTestInputs/<method>/}. No step may
 * throw, and what each writes must stay within its limits and point into the text.
 */
class StepChainFuzzTest {

    private static final StepChain CHAIN = new StepChain();

    @FuzzTest(maxDuration = "5m")
    void enrichesAnyTextWithinItsInvariants(FuzzedDataProvider data) {
        String title = data.consumeString(300);
        String text = data.consumeRemainingAsString();
        EnrichedArticle a = CHAIN.runOnText(title, text).out().build();
        assertThat(a.getEntities()).hasSizeLessThanOrEqualTo(50);
        assertThat(a.getTopics()).hasSizeLessThanOrEqualTo(3);
        assertThat(a.getKeyphrases()).hasSizeLessThanOrEqualTo(10);
        for (Entity e : a.getEntities()) {
            for (Span s : e.getSpans()) {
                assertThat(s.getStart()).isBetween(0, s.getEnd());
                assertThat(s.getEnd()).isLessThanOrEqualTo(text.length());
            }
        }
        if (a.getSummary() != null) {
            assertThat(a.getSummary().length()).isLessThanOrEqualTo(text.length());
        }
    }
}
