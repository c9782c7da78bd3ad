package io.newsflow.ingest.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.ingest.discovery.SourceKind;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class FeedReaderTest {

    private final FeedReader reader = new FeedReader();

    @Test
    void readsRssItemsWithHintsAndResolvesRelativeLinks() throws FeedParseException {
        Feed feed = reader.parse(Fixtures.bytes("rss2.xml"), URI.create("https://news.example.com/feeds/world.xml"));
        assertThat(feed.kind()).isEqualTo(SourceKind.RSS);
        assertThat(feed.title()).isEqualTo("Example Daily — World");
        assertThat(feed.items()).hasSize(2);
        assertThat(feed.skippedItems()).isEqualTo(1);
        FeedItem first = feed.items().get(0);
        assertThat(first.url()).isEqualTo("https://news.example.com/world/2026/11/24/budget-passed?utm_source=rss");
        assertThat(first.title()).isEqualTo("Parliament passes budget after all-night session");
        assertThat(first.published()).isEqualTo(Instant.parse("2026-11-24T06:30:00Z"));
        assertThat(first.authors()).containsExactly("Ana Ruiz");
        assertThat(first.summary()).contains("three-week standoff");
        assertThat(first.feedTitle()).isEqualTo("Example Daily — World");
        assertThat(feed.items().get(1).url()).isEqualTo("https://news.example.com/world/2026/11/24/storm-ports");
    }

    @Test
    void readsAtomEntriesWithAllAuthorsAndFallsBackToUpdatedDate() throws FeedParseException {
        Feed feed = reader.parse(Fixtures.bytes("atom.xml"), URI.create("https://tech.example.org/feed.atom"));
        assertThat(feed.kind()).isEqualTo(SourceKind.ATOM);
        FeedItem first = feed.items().get(0);
        assertThat(first.url()).isEqualTo("https://tech.example.org/posts/http3");
        assertThat(first.published()).isEqualTo(Instant.parse("2026-11-23T17:45:00Z"));
        assertThat(first.authors()).containsExactly("Lee Chen", "Sam Okoye");
        assertThat(first.summary()).isEqualTo("What we learned rolling out QUIC.");
        assertThat(feed.items().get(1).published()).isEqualTo(Instant.parse("2026-11-22T10:00:00Z"));
    }

    @Test
    void readsJsonFeedItemsWithFeedAuthorFallback() throws FeedParseException {
        Feed feed = reader.parse(Fixtures.bytes("feed.json"), URI.create("https://pod.example.net/feed.json"));
        assertThat(feed.kind()).isEqualTo(SourceKind.JSON_FEED);
        assertThat(feed.title()).isEqualTo("Example Podcast Notes");
        assertThat(feed.items()).hasSize(2);
        assertThat(feed.skippedItems()).isEqualTo(1);
        FeedItem first = feed.items().get(0);
        assertThat(first.published()).isEqualTo(Instant.parse("2026-11-20T17:00:00Z"));
        assertThat(first.authors()).containsExactly("Rita Moss");
        FeedItem second = feed.items().get(1);
        assertThat(second.url()).isEqualTo("https://pod.example.net/ep/41");
        assertThat(second.published()).isNull();
        assertThat(second.authors()).containsExactly("Pod Team");
        assertThat(second.summary()).isEqualTo("Plain text body");
    }

    @Test
    void refusesFeedWithExternalEntity() {
        assertThatThrownBy(() -> reader.parse(Fixtures.bytes("xxe.xml"), null))
                .isInstanceOf(FeedParseException.class)
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    @Timeout(5)
    void refusesBillionLaughsQuickly() {
        assertThatThrownBy(() -> reader.parse(Fixtures.bytes("billion-laughs.xml"), null))
                .isInstanceOf(FeedParseException.class);
    }

    @Test
    void rejectsHtmlAndSitemapsAsNotFeeds() {
        byte[] html = "<!DOCTYPE html><html><body>hi</body></html>".getBytes(StandardCharsets.UTF_8);
        byte[] sitemap = "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"/>"
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> reader.parse(html, null)).hasMessageContaining("HTML");
        assertThatThrownBy(() -> reader.parse(sitemap, null)).hasMessageContaining("SITEMAP");
    }

    @Test
    void rejectsMalformedXml() {
        byte[] broken = "<rss version=\"2.0\"><channel><title>x</channel>".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> reader.parse(broken, null)).isInstanceOf(FeedParseException.class);
    }
}
