package io.newsflow.enrich.extract.internal.walk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextMatchTest {

    @Test
    void isSpaceIsJavaWhitespaceOrANoBreakSpaceForEveryCharacter() {
        java.util.List<String> wrong = new java.util.ArrayList<>();
        for (int c = Character.MIN_VALUE; c <= Character.MAX_VALUE; c++) {
            if (TextMatch.isSpace((char) c) != (c == '\u00a0' || Character.isWhitespace((char) c))) {
                wrong.add(String.format("U+%04X", c));
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(TextMatch.isSpace('\u3000')).isTrue();
        assertThat(TextMatch.isSpace('\u2007')).isFalse();
    }

    @Test
    void normalizeKeepsLowerCasedWordsSeparatedByOneSpace() {
        assertThat(TextMatch.normalize("The  Times — «Ελλάδα»!\n2024"))
                .isEqualTo("the times ελλάδα 2024");
        assertThat(TextMatch.compact("The Times!")).isEqualTo("thetimes");
    }
}
