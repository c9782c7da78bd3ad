package io.newsflow.ingest.feeds.internal;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import io.newsflow.ingest.discovery.SourceKind;
import io.newsflow.ingest.feeds.Feed;
import io.newsflow.ingest.feeds.FeedItem;
import io.newsflow.ingest.feeds.FeedParseException;
import io.newsflow.ingest.security.SafeXml;
import io.newsflow.ingest.security.UnsafeXmlException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.w3c.dom.Document;

/** RSS and Atom via ROME, on a DOM produced by the hardened {@link SafeXml} parser. */
public final class RomeFeeds {

    private RomeFeeds() {
    }

    /** Parses RSS/Atom bytes; relative entry links are resolved against {@code base}. */
    public static Feed parse(byte[] body, SourceKind kind, URI base) throws FeedParseException {
        Document dom;
        try {
            dom = SafeXml.parse(body);
        } catch (UnsafeXmlException e) {
            throw new FeedParseException(e.getMessage(), e);
        }
        SyndFeed feed;
        try {
            SyndFeedInput input = new SyndFeedInput(false, Locale.ROOT);
            input.setAllowDoctypes(false);
            feed = input.build(dom);
        } catch (FeedException | IllegalArgumentException e) {
            throw new FeedParseException("not a valid RSS/Atom feed: " + e.getMessage(), e);
        }
        String feedTitle = Text.clean(feed.getTitle());
        List<FeedItem> items = new ArrayList<>();
        int skipped = 0;
        for (SyndEntry e : feed.getEntries()) {
            String url = Links.absolute(base, link(e));
            if (url == null) {
                skipped++;
                continue;
            }
            items.add(new FeedItem(url, Text.clean(e.getTitle()), date(e), authors(e), summary(e), feedTitle));
        }
        return new Feed(feedTitle, kind, items, skipped);
    }

    private static String link(SyndEntry e) {
        if (e.getLink() != null && !e.getLink().isBlank()) {
            return e.getLink();
        }
        for (SyndLink l : e.getLinks()) {
            if (l.getHref() != null && (l.getRel() == null || l.getRel().equals("alternate"))) {
                return l.getHref();
            }
        }
        // RSS guids flagged as permalinks are URLs; ROME exposes them as the entry URI.
        String uri = e.getUri();
        return uri != null && (uri.startsWith("http://") || uri.startsWith("https://")) ? uri : null;
    }

    private static Instant date(SyndEntry e) {
        Date d = e.getPublishedDate() != null ? e.getPublishedDate() : e.getUpdatedDate();
        return d == null ? null : d.toInstant();
    }

    private static List<String> authors(SyndEntry e) {
        Set<String> names = new LinkedHashSet<>();
        for (SyndPerson p : e.getAuthors()) {
            String name = Text.clean(p.getName());
            if (name != null) {
                names.add(name);
            }
        }
        String single = Text.clean(e.getAuthor());
        if (names.isEmpty() && single != null) {
            names.add(single);
        }
        return List.copyOf(names);
    }

    private static String summary(SyndEntry e) {
        SyndContent d = e.getDescription();
        if (d != null && d.getValue() != null && !d.getValue().isBlank()) {
            return d.getValue().strip();
        }
        for (SyndContent c : e.getContents()) {
            if (c.getValue() != null && !c.getValue().isBlank()) {
                return c.getValue().strip();
            }
        }
        return null;
    }
}
