package io.newsflow.enrich.keywords;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.newsflow.enrich.HostileText;
import java.io.IOException;
import java.time.Duration;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class KeywordExtractorTest {

    private final KeywordExtractor extractor = new KeywordExtractor();

    private static final String ARTICLE = "The interior ministry said the border police would patrol the river crossing."
            + " Government officials said the interior ministry plans more patrols. Trade talks continue, the"
            + " government said, and the river crossing stays open.";

    private InMemoryDocumentFrequencies streamOfGovernmentNews() {
        InMemoryDocumentFrequencies df = new InMemoryDocumentFrequencies();
        for (int i = 0; i < 50; i++) {
            df.add(extractor.terms(null, "The government said trade talks continue. Officials said so.", "en"));
        }
        return df;
    }

    @Test
    void oneAnalysisGivesTheKeyphrasesAndTermsOfTheSeparateCalls() {
        InMemoryDocumentFrequencies df = streamOfGovernmentNews();
        KeywordExtractor.Analysis analysis = extractor.analyse("River crossing", ARTICLE, "en", df, 5);
        assertThat(analysis.keyphrases()).isEqualTo(extractor.extract("River crossing", ARTICLE, "en", df, 5));
        assertThat(analysis.terms()).containsExactlyInAnyOrderElementsOf(extractor.terms("River crossing", ARTICLE, "en"))
                .contains("interior ministry", "river crossing");
    }

    @Test
    void ranksPhrasesRareInTheStreamAboveTodaysCommonWords() {
        List<Keyword> keywords = extractor.extract(null, ARTICLE, "en", streamOfGovernmentNews(), 5);
        List<String> phrases = keywords.stream().map(Keyword::phrase).toList();
        assertThat(phrases.subList(0, 2)).containsExactlyInAnyOrder("interior ministry", "river crossing");
        assertThat(phrases).doesNotContain("government");
    }

    @Test
    void dropsWordsContainedInABetterPhrase() {
        List<Keyword> keywords = extractor.extract(null, ARTICLE, "en", streamOfGovernmentNews(), 10);
        assertThat(keywords).extracting(Keyword::phrase).doesNotContain("ministry", "interior");
    }

    @Test
    void worksOnAColdStreamWithNoCounts() {
        List<Keyword> keywords = extractor.extract("Interior ministry to patrol river", ARTICLE, "en",
                new InMemoryDocumentFrequencies(), 3);
        assertThat(keywords).hasSize(3).extracting(Keyword::phrase).contains("interior ministry");
    }

    @Test
    void returnsDistinctLowerCaseTermsWithoutStopWords() {
        List<String> terms = extractor.terms("River crossing", ARTICLE, "en");
        assertThat(terms).doesNotHaveDuplicates().contains("river crossing", "interior ministry", "river")
                .doesNotContain("the", "said", "River crossing");
    }

    /**
     * Scoring stops once no candidate left can reach the chosen phrases; that must choose exactly what
     * scoring every candidate does (asking for them all scores all), on real articles against a stream
     * made of the others, while looking far fewer terms up.
     */
    @Test
    void choosesWhatScoringEveryCandidateChoosesWithFewerLookUps() throws IOException {
        List<String> texts = new ArrayList<>();
        for (String id : resource("INDEX").split("\\R")) {
            if (!id.isBlank()) {
                texts.add(resource(id.strip() + ".txt"));
            }
        }
        assertThat(texts).hasSizeGreaterThan(10);
        InMemoryDocumentFrequencies stream = new InMemoryDocumentFrequencies();
        texts.forEach(t -> stream.add(extractor.terms(null, t, "en")));
        AtomicLong lookUps = new AtomicLong();
        DocumentFrequencies counted = new DocumentFrequencies() {
            @Override
            public long documents() {
                return stream.documents();
            }

            @Override
            public long frequency(String term) {
                lookUps.incrementAndGet();
                return stream.frequency(term);
            }
        };
        long allLookUps = 0;
        for (String text : texts) {
            List<Keyword> all = extractor.extract(null, text, "en", counted, Integer.MAX_VALUE);
            allLookUps += lookUps.getAndSet(0);
            List<Keyword> top = extractor.extract(null, text, "en", counted, 10);
            assertThat(top).isEqualTo(all.subList(0, Math.min(10, all.size())));
        }
        assertThat(lookUps.get()).isLessThan(allLookUps / 2);
    }

    /** Every candidate is scored when all are asked for; the timeout only stops a hang (this was quadratic). */
    @Test
    void scoresAPageOfDistinctWordsWithoutQuadraticWork() {
        String text = HostileText.capitalisedWords(100_000, 4);
        List<Keyword> all = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> extractor.extract(null, text, "en", new InMemoryDocumentFrequencies(), Integer.MAX_VALUE));
        assertThat(all).hasSizeGreaterThan(10_000);
    }

    @Test
    void readsAHyphenChainWithoutOverflowingTheStack() {
        String text = "harbour bridge " + "a-".repeat(200_000) + "b harbour bridge";
        List<Keyword> top = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> extractor.extract(null, text, "en", new InMemoryDocumentFrequencies(), 3));
        assertThat(top).extracting(Keyword::phrase).contains("harbour bridge");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = KeywordExtractorTest.class.getResourceAsStream("/eval/entities/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void rejectsANonPositiveMaximum() {
        assertThatThrownBy(() -> extractor.extract(null, ARTICLE, "en", new InMemoryDocumentFrequencies(), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
