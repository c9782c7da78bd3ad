package io.newsflow.ingest.sitemaps.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.newsflow.ingest.discovery.ContentSniffer;
import io.newsflow.ingest.discovery.SourceKind;
import java.io.IOException;
import java.net.URI;

/**
 * Fuzzes sitemap parsing (crawler-commons) the way the sitemap reader drives it: sniff, gunzip
 * when compressed, parse XML or text sitemaps and indexes. Any bytes give entries and children
 * or an {@link IOException}; nothing else may escape.
 */
class SitemapParsingFuzzTest {

    private static final URI LOCATION = URI.create("https://news.example/sitemap.xml");

    @FuzzTest(maxDuration = "30s")
    void parsesAnyBytesIntoEntriesOrAnError(byte[] body) {
        try {
            byte[] doc = body;
            SourceKind kind = ContentSniffer.sniff(doc);
            if (kind == SourceKind.GZIP) {
                doc = Gunzip.gunzip(doc, 1 << 20);
                kind = ContentSniffer.sniff(doc);
            }
            if (!kind.isSitemap()) {
                return;
            }
            SitemapParsing.Parsed parsed = SitemapParsing.parse(doc, kind, LOCATION);
            assertThat(parsed.entries()).allSatisfy(e -> assertThat(e.url()).isNotBlank());
            assertThat(parsed.children()).doesNotContainNull();
        } catch (IOException expected) {
            // not a sitemap, or a damaged one: the reader reports it as a failure of that document
        }
    }
}
