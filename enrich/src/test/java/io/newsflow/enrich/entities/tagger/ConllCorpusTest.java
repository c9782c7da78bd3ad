package io.newsflow.enrich.entities.tagger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConllCorpusTest {

    private static List<ConllCorpus.Document> read(String text) throws IOException {
        return ConllCorpus.read(new BufferedReader(new StringReader(text)), "test");
    }

    @Test
    void readsDocumentsSentencesAndIob1Names() throws IOException {
        List<ConllCorpus.Document> docs = read("""
                -DOCSTART- -X- O O

                West NNP I-NP I-MISC
                Indian NNP I-NP I-MISC
                Phil NNP I-NP I-PER
                Simmons NNP I-NP I-PER
                took VBD I-VP O

                LONDON NNP I-NP I-LOC
                -DOCSTART- -X- O O

                Germany NNP I-NP I-LOC
                France NNP I-NP B-LOC
                """);
        assertThat(docs).hasSize(2);
        ConllCorpus.Sentence first = docs.get(0).sentences().get(0);
        assertThat(first.words()).containsExactly("West", "Indian", "Phil", "Simmons", "took");
        // A type change starts a new name in IOB1 even without B-.
        assertThat(first.spans()).containsExactly(new Labels.Span(0, 2, 3), new Labels.Span(2, 4, 0));
        assertThat(docs.get(0).sentences().get(1).spans()).containsExactly(new Labels.Span(0, 1, 2));
        // B- separates two touching names of one type.
        assertThat(docs.get(1).sentences().get(0).spans())
                .containsExactly(new Labels.Span(0, 1, 2), new Labels.Span(1, 2, 2));
        assertThat(docs.get(0).tokens()).isEqualTo(6);
    }

    @Test
    void readsIob2AndTreatsUnknownTypesAsOutside() throws IOException {
        List<ConllCorpus.Document> docs = read("""
                Bank B-ORG
                of I-ORG
                England I-ORG
                on O
                Monday B-DATE
                """);
        assertThat(docs).hasSize(1);
        assertThat(docs.get(0).sentences().get(0).spans()).containsExactly(new Labels.Span(0, 3, 1));
    }

    @Test
    void namesTheLineOfAMalformedRow() {
        assertThatThrownBy(() -> read("Word O\nlonely\n")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("test:2");
    }
}
