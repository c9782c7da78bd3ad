package io.newsflow.ingest.url;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class HtmlHeadTest {

    @Test
    void skipsCommentsAndScriptsAndStopsAtBody() {
        String html = "<!doctype html><html lang=en amp><head>"
                + "<!-- <link rel=canonical href=/commented> -->"
                + "<script>var s = '<link rel=canonical href=/scripted>';</script>"
                + "<LINK REL='Canonical' HREF='/real?a=1&amp;b=2'>"
                + "</head><body><link rel=canonical href=/in-body></body></html>";
        HtmlHead head = HtmlHead.scan(html, URI.create("https://example.com/x/y"));
        assertThat(head.links()).hasSize(1);
        assertThat(head.absolute(head.links().get(0).get("href"))).isEqualTo("https://example.com/real?a=1&b=2");
        assertThat(head.htmlAttributes()).containsKeys("lang", "amp");
    }

    @Test
    void resolvesAgainstBaseHrefAndRefusesNonHttpLinks() {
        String html = "<html><head><base href=\"https://cdn.example.com/site/\">"
                + "<link rel=alternate type=application/rss+xml href=feed.xml>"
                + "<link rel=canonical href=\"javascript:alert(1)\"></head>";
        HtmlHead head = HtmlHead.scan(html, URI.create("https://example.com/"));
        assertThat(head.absolute("feed.xml")).isEqualTo("https://cdn.example.com/site/feed.xml");
        assertThat(head.absolute("javascript:alert(1)")).isNull();
        assertThat(HtmlHead.hasRel(head.links().get(0), "alternate")).isTrue();
    }

    @Test
    void toleratesTruncatedMarkup() {
        HtmlHead head = HtmlHead.scan("<html><head><link rel=\"canonical\" href=\"/a", URI.create("https://e.com/"));
        assertThat(head.links()).hasSize(1);
    }
}
