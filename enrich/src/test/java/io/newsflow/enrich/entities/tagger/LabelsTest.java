package io.newsflow.enrich.entities.tagger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LabelsTest {

    @Test
    void encodesAndDecodesBilou() {
        List<Labels.Span> spans = List.of(new Labels.Span(0, 1, 0), new Labels.Span(2, 5, 1), new Labels.Span(5, 7, 1));
        int[] labels = Labels.encode(8, spans);
        assertThat(Labels.name(labels[0])).isEqualTo("U-PER");
        assertThat(Labels.name(labels[1])).isEqualTo("O");
        assertThat(Labels.name(labels[2])).isEqualTo("B-ORG");
        assertThat(Labels.name(labels[3])).isEqualTo("I-ORG");
        assertThat(Labels.name(labels[4])).isEqualTo("L-ORG");
        assertThat(Labels.name(labels[5])).isEqualTo("B-ORG");
        assertThat(Labels.decode(labels)).isEqualTo(spans);
    }

    @Test
    void readsIllFormedSequencesLeniently() {
        int bPer = Labels.label(0, Labels.B);
        int iPer = Labels.label(0, Labels.I);
        int lPer = Labels.label(0, Labels.L);
        int iLoc = Labels.label(2, Labels.I);
        // B I O: the name ends before the O; a lone L is a one-word name; I of another type starts a new one.
        assertThat(Labels.decode(new int[] {bPer, iPer, Labels.O, lPer, iLoc, bPer}))
                .containsExactly(new Labels.Span(0, 2, 0), new Labels.Span(3, 4, 0), new Labels.Span(4, 5, 2),
                        new Labels.Span(5, 6, 0));
        assertThat(Labels.closed(lPer)).isTrue();
        assertThat(Labels.closed(bPer)).isFalse();
    }
}
