package io.newsflow.ingest.feeds;

import java.net.URI;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import io.newsflow.ingest.url.HtmlHead;
import java.util.Map;

/**
 * Finds the feeds a publisher's HTML page advertises ({@code <link rel="alternate"
 * type="application/rss+xml" href="...">}), so a news team can configure a home page instead of
 * hunting for feed URLs.
 */
public final class FeedDiscovery {

    private static final Set<String> FEED_TYPES = Set.of("application/rss+xml", "application/atom+xml",
            "application/feed+json", "application/json", "application/rdf+xml", "text/xml", "application/xml");

    private FeedDiscovery() {
    }

    /** Absolute http(s) feed URLs advertised by the page, in document order, without duplicates. */
    public static List<URI> fromHtml(byte[] html, Charset charset, URI pageUri) {
        HtmlHead head = HtmlHead.scan(new String(html, charset), pageUri);
        List<URI> feeds = new ArrayList<>();
        for (Map<String, String> link : head.links()) {
            String type = link.getOrDefault("type", "").toLowerCase(Locale.ROOT).split(";")[0].strip();
            boolean isFeed = HtmlHead.hasRel(link, "alternate") && FEED_TYPES.contains(type);
            String abs = isFeed ? head.absolute(link.get("href")) : null;
            if (abs == null) {
                continue;
            }
            try {
                URI uri = URI.create(abs);
                if (!feeds.contains(uri)) {
                    feeds.add(uri);
                }
            } catch (IllegalArgumentException ignored) {
                // an unparseable href is skipped; the page may advertise other feeds
            }
        }
        return feeds;
    }
}
