package io.newsflow.ingest.url;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CanonicalLinksTest {

    private final CanonicalLinks links = new CanonicalLinks(new UrlCanonicalizer());

    private PageLinks extract(String html, String url) {
        return links.extract(html.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8, URI.create(url));
    }

    @Test
    void readsCanonicalAndAmpLinksResolvingRelativeHrefs() {
        PageLinks l = extract("<html><head><link rel=\"Canonical\" href=\"/story/1\">"
                + "<link rel=\"amphtml\" href=\"https://amp.example.com/story/1\"></head><body></body></html>",
                "https://www.example.com/story/1?utm_source=x");
        assertThat(l.canonical()).isEqualTo("https://www.example.com/story/1");
        assertThat(l.amphtml()).isEqualTo("https://amp.example.com/story/1");
        assertThat(l.isAmp()).isFalse();
    }

    @Test
    void usesTheDeclaredCanonicalAsIdentityWithinTheSameSite() {
        URI fetched = URI.create("https://m.example.co.uk/world/123?ref=home&utm_medium=social");
        PageLinks l = new PageLinks("https://www.example.co.uk/world/123", null, false);
        assertThat(links.identity(fetched, l)).isEqualTo("https://www.example.co.uk/world/123");
    }

    @Test
    void ignoresACanonicalClaimingAnotherSite() {
        URI fetched = URI.create("https://blog.attacker.example/post");
        PageLinks l = new PageLinks("https://www.bbc.co.uk/news/important", null, false);
        assertThat(links.identity(fetched, l)).isEqualTo("https://blog.attacker.example/post");
    }

    @Test
    void followsAmpPagesToTheirCanonicalArticle() {
        PageLinks l = extract("<html amp><head><link rel=canonical href=\"https://www.example.com/a\"></head></html>",
                "https://www.example.com/a/amp");
        assertThat(l.isAmp()).isTrue();
        assertThat(links.followUp(URI.create("https://www.example.com/a/amp"), l)).contains(URI.create("https://www.example.com/a"));
        assertThat(links.followUp(URI.create("https://www.example.com/a"), PageLinks.NONE)).isEmpty();
    }

    @Test
    void fallsBackToTheFetchedUrlWhenCanonicalIsBroken() {
        PageLinks l = new PageLinks("javascript:void(0)", null, false);
        assertThat(links.identity(URI.create("https://example.com/x#frag"), l)).isEqualTo("https://example.com/x");
    }
}
