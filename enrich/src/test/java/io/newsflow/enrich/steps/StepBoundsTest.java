package io.newsflow.enrich.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.newsflow.enrich.HostileText;
import io.newsflow.schemas.avro.EnrichedArticle;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every step bounds its work per article: pages of the shapes that once stalled a partition go through the
 * whole chain. The timeouts only stop a hang; they are not a speed requirement.
 */
class StepBoundsTest {

    private static final Duration HANG = Duration.ofSeconds(30);
    private static final StepChain CHAIN = new StepChain();

    /** English prose first, so that the language step says English and the entity rules apply. */
    private static final String LEAD = "The council published the register of residents on Monday, after a long "
            + "campaign by local groups who had asked for it. Officials said the list was complete and would be "
            + "kept up to date by the town hall every week from now on.</p><p>";

    private static String page(String text) {
        return "<html><head><title>Register</title></head><body><article><p>" + LEAD + text
                + "</p></article></body></html>";
    }

    private static EnrichedArticle enrich(String html) {
        ArticleDraft draft = assertTimeoutPreemptively(HANG,
                () -> CHAIN.run(html.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8"));
        return draft.out().build();
    }

    @Test
    void enrichesPageOfHundredThousandCapitalisedWordsWithinTheCaps() {
        EnrichedArticle a = enrich(page(HostileText.capitalisedWords(100_000, 7)));
        assertThat(a.getWordCount()).isGreaterThan(100_000);
        assertThat(a.getLanguage()).isEqualTo("en");
        assertThat(a.getKeyphrases()).isNotEmpty();
        assertThat(a.getSummary()).startsWith("The council published the register");
        assertThat(a.getProcessing().getWarnings()).anyMatch(w -> w.startsWith("entities: read the first 100000"))
                .anyMatch(w -> w.startsWith("keywords: read the first 100000"));
    }

    @Test
    void enrichesPageOfThousandsOfDistinctPeople() {
        EnrichedArticle a = enrich(page(HostileText.distinctPeople(20_000, 3).replace("\n", "</p><p>")));
        assertThat(a.getEntities()).hasSize(50);
        assertThat(a.getSummary()).isNotBlank();
    }

    @Test
    void enrichesHyphenChainsAndPunctuationRunsWithoutOverflowingTheStack() {
        EnrichedArticle a = enrich(page("Officials said the plan works. " + "a-".repeat(300_000) + " "
                + "!".repeat(300_000) + " " + "x.".repeat(300_000)));
        assertThat(a.getText().substring(0, 400)).contains("Officials said the plan works.");
        assertThat(a.getLanguage()).isNotNull();
    }

    @Test
    void readsOnlyTheConfiguredPrefix() {
        StepChain small = new StepChain(Map.of("entities.max-chars", "2000", "keywords.max-chars", "2000"));
        String text = HostileText.distinctPeople(400, 5);
        EnrichedArticle a = small.run(page(text).getBytes(StandardCharsets.UTF_8), "text/html").out().build();
        assertThat(a.getEntities()).allMatch(e -> e.getSpans().stream().allMatch(s -> s.getEnd() <= 2000));
        assertThat(a.getProcessing().getWarnings()).anyMatch(w -> w.startsWith("entities: read the first 2000 of"));
    }

    @Test
    void refusesNonPositiveCapAtStartUp() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new StepChain(Map.of("topics.max-chars", "0")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("enrich.topics.max-chars");
    }
}
