package io.newsflow.enrich.keywords;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
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

    @Test
    void rejectsANonPositiveMaximum() {
        assertThatThrownBy(() -> extractor.extract(null, ARTICLE, "en", new InMemoryDocumentFrequencies(), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
