package io.newsflow.enrich.extract.internal.walk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class NameWordsTest {

    private static final String[] NONE = new String[0];
    private final NameWords words = new NameWords(Set.of("read", "more", "share", "author"));

    @Test
    void splitsAtPunctuationAndCamelCaseHumpsAndLowerCases() {
        assertThat(words.of(NONE, "post-Read_more shareBar", "articleAuthor")).containsExactly("read", "more",
                "share", "", "author");
    }

    @Test
    void marksUnknownWordsBetweenKnownOnesSoThatTheyAreNotJoined() {
        assertThat(words.of(NONE, "read-x7f-more")).containsExactly("read", "", "more");
        assertThat(words.of(NONE, "col md-8 read")).containsExactly("read");
    }

    @Test
    void givesTheCallersEmptyArrayWhenNoWordIsKnown() {
        assertThat(words.of(NONE, "flex items-center", "", "main-nav2")).isSameAs(NONE);
    }

    @Test
    void ignoresNonAsciiLettersAsSeparators() {
        assertThat(words.of(NONE, "autéur shäre")).isSameAs(NONE);
        assertThat(words.of(NONE, "été-share")).containsExactly("share");
    }
}
