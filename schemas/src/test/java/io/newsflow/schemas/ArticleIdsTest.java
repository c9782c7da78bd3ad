package io.newsflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.schemas.ids.ArticleIds;
import org.junit.jupiter.api.Test;

class ArticleIdsTest {

    @Test
    void sameCanonicalUrlGivesSameThirtyTwoHexCharId() {
        String a = ArticleIds.fromCanonicalUrl("https://example.com/news/1");
        assertThat(a).hasSize(32).matches("[0-9a-f]+")
                .isEqualTo(ArticleIds.fromCanonicalUrl("https://example.com/news/1"))
                .isNotEqualTo(ArticleIds.fromCanonicalUrl("https://example.com/news/2"));
    }

    @Test
    void idIsTheTruncatedSha256OfTheUrl() {
        // sha256("abc") = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
        assertThat(ArticleIds.fromCanonicalUrl("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223");
    }

    @Test
    void refusesBlankUrl() {
        assertThatThrownBy(() -> ArticleIds.fromCanonicalUrl(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
