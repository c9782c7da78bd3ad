package io.newsflow.ingest.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FeedDiscoveryTest {

    @Test
    void findsAdvertisedRssAtomAndJsonFeedsButNotOtherAlternates() {
        String html = "<html><head>"
                + "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"World\" href=\"/rss/world.xml\">"
                + "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"https://feeds.example.com/all.atom\">"
                + "<link rel=\"alternate\" type=\"application/feed+json\" href=\"feed.json\">"
                + "<link rel=\"alternate\" hreflang=\"fr\" type=\"text/html\" href=\"/fr/\">"
                + "<link rel=\"stylesheet\" type=\"text/css\" href=\"/s.css\">"
                + "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"/rss/world.xml\">"
                + "</head><body></body></html>";
        assertThat(FeedDiscovery.fromHtml(html.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8,
                URI.create("https://www.example.com/news/")))
                .containsExactly(URI.create("https://www.example.com/rss/world.xml"),
                        URI.create("https://feeds.example.com/all.atom"),
                        URI.create("https://www.example.com/news/feed.json"));
    }
}
