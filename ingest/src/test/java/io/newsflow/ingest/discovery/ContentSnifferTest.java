package io.newsflow.ingest.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ContentSnifferTest {

    private static SourceKind sniff(String s) {
        return ContentSniffer.sniff(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void tellsFeedsFromSitemapsByRootElementNotByName() {
        assertThat(sniff("<?xml version=\"1.0\"?>\n<!-- generated --><rss version=\"2.0\"><channel/></rss>")).isEqualTo(SourceKind.RSS);
        assertThat(sniff("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"/>")).isEqualTo(SourceKind.RSS);
        assertThat(sniff("\uFEFF<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"/>")).isEqualTo(SourceKind.ATOM);
        assertThat(sniff("<?xml version=\"1.0\"?><?xml-stylesheet href=\"s.xsl\"?><urlset xmlns=\"x\"/>")).isEqualTo(SourceKind.SITEMAP);
        assertThat(sniff("<sitemapindex xmlns=\"x\"></sitemapindex>")).isEqualTo(SourceKind.SITEMAP_INDEX);
    }

    @Test
    void recognisesJsonFeedHtmlTextSitemapsAndGzip() {
        assertThat(sniff("  {\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": []}")).isEqualTo(SourceKind.JSON_FEED);
        assertThat(sniff("{\"some\": \"json\"}")).isEqualTo(SourceKind.UNKNOWN);
        assertThat(sniff("<!doctype html><html></html>")).isEqualTo(SourceKind.HTML);
        assertThat(sniff("https://a.example/1\nhttps://a.example/2\n")).isEqualTo(SourceKind.TEXT_SITEMAP);
        assertThat(ContentSniffer.sniff(new byte[] {0x1f, (byte) 0x8b, 8, 0})).isEqualTo(SourceKind.GZIP);
        assertThat(ContentSniffer.sniff(new byte[0])).isEqualTo(SourceKind.UNKNOWN);
    }

    @Test
    void classifiesFeedsAndSitemaps() {
        assertThat(SourceKind.ATOM.isFeed()).isTrue();
        assertThat(SourceKind.SITEMAP_INDEX.isSitemap()).isTrue();
        assertThat(SourceKind.HTML.isFeed()).isFalse();
    }
}
