package io.newsflow.ingest.sitemaps;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import io.newsflow.ingest.discovery.ContentSniffer;
import io.newsflow.ingest.discovery.SourceKind;
import io.newsflow.ingest.feeds.Feed;
import io.newsflow.ingest.feeds.FeedItem;
import io.newsflow.ingest.feeds.FeedParseException;
import io.newsflow.ingest.feeds.FeedReader;
import io.newsflow.ingest.fetch.FetchRequest;
import io.newsflow.ingest.fetch.FetchResult;
import io.newsflow.ingest.fetch.FetchStatus;
import io.newsflow.ingest.fetch.Fetcher;
import io.newsflow.ingest.sitemaps.internal.Gunzip;
import io.newsflow.ingest.sitemaps.internal.SitemapParsing;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads sitemaps, sitemap indexes (recursively, bounded in depth, count and URLs), Google News
 * sitemaps and text sitemaps with crawler-commons, and finds sitemaps through robots.txt. The
 * document type is decided from content, so a feed given as a "sitemap" is read as a feed.
 *
 * <p>A reader remembers each document's validators (ETag, Last-Modified) and, for an index, its
 * children, so that reading the same sitemaps again (as a crawl that follows them does) fetches
 * only what changed: a document that was not modified is skipped, an unmodified index's children
 * are still checked.
 */
public final class SitemapReader {

    /** Sitemaps may be 50 MB uncompressed (sitemaps.org): the default size limit. */
    public static final long DEFAULT_MAX_BYTES = 50L * 1024 * 1024;
    /** Documents whose validators are remembered; past it the memory starts afresh (it only saves fetches). */
    private static final int MAX_REMEMBERED = 10_000;

    private final Fetcher fetcher;
    private final FeedReader feeds = new FeedReader();
    private final int maxDepth;
    private final int maxSitemaps;
    private final int maxUrls;
    private final long maxBytes;
    private final Map<URI, Remembered> remembered = new ConcurrentHashMap<>();

    /**
     * Creates a reader. {@code fetcher} must accept XML/text/gzip (not HTML-only).
     *
     * @param maxDepth    index nesting followed (0 = only the given documents)
     * @param maxSitemaps documents fetched per walk
     * @param maxUrls     URLs returned per walk
     */
    public SitemapReader(Fetcher fetcher, int maxDepth, int maxSitemaps, int maxUrls) {
        this(fetcher, maxDepth, maxSitemaps, maxUrls, DEFAULT_MAX_BYTES);
    }

    /**
     * Like the four-argument constructor, with a limit on each document's decompressed size: a
     * {@code .xml.gz} document is read up to {@code maxBytes} and reported as cut. The fetcher's own
     * body limit should be the same, so a plain document is cut (and reported) at the same size.
     */
    public SitemapReader(Fetcher fetcher, int maxDepth, int maxSitemaps, int maxUrls, long maxBytes) {
        if (maxDepth < 0 || maxSitemaps < 1 || maxUrls < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("invalid sitemap limits: depth=" + maxDepth + " sitemaps="
                    + maxSitemaps + " urls=" + maxUrls + " bytes=" + maxBytes);
        }
        this.fetcher = fetcher;
        this.maxDepth = maxDepth;
        this.maxSitemaps = maxSitemaps;
        this.maxUrls = maxUrls;
        this.maxBytes = maxBytes;
    }

    /** A reader with depth 3, 1,000 documents and 1,000,000 URLs per walk, documents up to 50 MiB. */
    public static SitemapReader withDefaults(Fetcher fetcher) {
        return new SitemapReader(fetcher, 3, 1000, 1_000_000);
    }

    /** Like {@link #withDefaults(Fetcher)}, with documents cut at {@code maxBytes} (decompressed). */
    public static SitemapReader withDefaults(Fetcher fetcher, long maxBytes) {
        return new SitemapReader(fetcher, 3, 1000, 1_000_000, maxBytes);
    }

    /** Sitemap URLs declared in {@code site}'s robots.txt ({@code Sitemap:} lines); empty if none or unreachable. */
    public List<URI> discover(URI site) {
        URI robots = site.resolve("/robots.txt");
        FetchResult r = fetcher.fetch(FetchRequest.of(robots));
        if (!r.hasBody()) {
            return List.of();
        }
        BaseRobotRules rules = new SimpleRobotRulesParser()
                .parseContent(robots.toString(), r.body(), r.contentType(), List.of("newsflowbot"));
        List<URI> out = new ArrayList<>();
        for (String s : rules.getSitemaps()) {
            try {
                out.add(URI.create(s.strip()));
            } catch (IllegalArgumentException e) {
                // an unparseable Sitemap: line is the site's mistake; the others are still useful
            }
        }
        return out;
    }

    /** Walks one sitemap, index or feed. */
    public SitemapResult read(URI sitemap) {
        return read(List.of(sitemap));
    }

    /** Walks several roots breadth-first, sharing limits and de-duplicating documents and URLs. */
    public SitemapResult read(Collection<URI> roots) {
        Walk walk = new Walk();
        roots.forEach(r -> walk.enqueue(r, 0));
        while (!walk.queue.isEmpty()) {
            if (walk.read >= maxSitemaps || walk.entries.size() >= maxUrls) {
                walk.limitReached = true;
                break;
            }
            Pending p = walk.queue.removeFirst();
            walk.read++;
            readOne(p, walk);
        }
        return new SitemapResult(new ArrayList<>(walk.entries.values()), walk.failures, walk.read,
                walk.notModified, walk.limitReached, walk.cut);
    }

    private void readOne(Pending p, Walk walk) {
        Remembered before = remembered.get(p.uri());
        FetchResult r = fetcher.fetch(before == null ? FetchRequest.of(p.uri())
                : new FetchRequest(p.uri(), before.etag(), before.lastModified()));
        if (r.status() == FetchStatus.NOT_MODIFIED && before != null) {
            walk.notModified++;
            enqueueChildren(before.children(), p, walk);
            return;
        }
        if (!r.hasBody()) {
            walk.failures.add(new SitemapResult.Failure(p.uri(), r.status() + (r.reason() == null ? "" : ": " + r.reason())));
            return;
        }
        try {
            byte[] body = r.body();
            // A plain document over the fetcher's limit arrives truncated; a gzipped one is cut here.
            long cutAt = r.truncated() ? body.length : -1;
            SourceKind kind = ContentSniffer.sniff(body);
            if (kind == SourceKind.GZIP) {
                Gunzip.Prefix gunzipped = Gunzip.prefix(body, maxBytes);
                body = gunzipped.bytes();
                cutAt = gunzipped.cut() ? maxBytes : cutAt;
                kind = ContentSniffer.sniff(body);
            }
            if (!kind.isFeed() && !kind.isSitemap()) {
                walk.failures.add(new SitemapResult.Failure(p.uri(), (cutAt >= 0 ? "larger than " + cutAt
                        + " bytes decompressed (cut there) and " : "") + "neither sitemap nor feed (" + kind + ")"));
                return;
            }
            int read = parse(body, kind, r, p, walk);
            if (cutAt >= 0) {
                // Lenient parsing keeps the URLs before the cut; the rest are lost, so the caller says so.
                walk.cut.add(new SitemapResult.Cut(p.uri(), cutAt, read));
            }
        } catch (IOException | FeedParseException e) {
            walk.failures.add(new SitemapResult.Failure(p.uri(), e.getMessage()));
        }
    }

    /** Parses a feed or sitemap into the walk; returns the URLs and child sitemaps it listed. */
    private int parse(byte[] body, SourceKind kind, FetchResult r, Pending p, Walk walk)
            throws IOException, FeedParseException {
        if (kind.isFeed()) {
            Feed feed = feeds.parse(body, r.finalUri());
            addFeed(feed, p.uri(), walk);
            remember(p.uri(), r, List.of());
            return feed.items().size();
        }
        if (kind.isSitemap()) {
            SitemapParsing.Parsed parsed = SitemapParsing.parse(body, kind, r.finalUri());
            addSitemap(parsed, p, walk);
            remember(p.uri(), r, parsed.children());
            return parsed.entries().size() + parsed.children().size();
        }
        throw new IllegalStateException("not a feed or sitemap: " + kind);
    }

    private void remember(URI uri, FetchResult r, List<URI> children) {
        String etag = r.header("etag");
        String lastModified = r.header("last-modified");
        if (etag == null && lastModified == null) {
            return;
        }
        if (remembered.size() >= MAX_REMEMBERED) {
            remembered.clear();
        }
        remembered.put(uri, new Remembered(etag, lastModified, List.copyOf(children)));
    }

    private void addSitemap(SitemapParsing.Parsed parsed, Pending p, Walk walk) {
        for (SitemapEntry e : parsed.entries()) {
            walk.add(e);
        }
        enqueueChildren(parsed.children(), p, walk);
    }

    private void enqueueChildren(List<URI> children, Pending p, Walk walk) {
        for (URI child : children) {
            if (p.depth() + 1 > maxDepth) {
                walk.limitReached = true;
            } else {
                walk.enqueue(child, p.depth() + 1);
            }
        }
    }

    private void addFeed(Feed feed, URI source, Walk walk) {
        for (FeedItem item : feed.items()) {
            walk.add(new SitemapEntry(item.url(), null, item.title(), item.published(), source, feed.kind()));
        }
    }

    /** What a document's last full response said: its validators and, for an index, its children. */
    private record Remembered(String etag, String lastModified, List<URI> children) {
    }

    /** A document waiting to be read, with its depth below the root. */
    private record Pending(URI uri, int depth) {
    }

    /** Mutable state of one walk. */
    private final class Walk {
        private final Deque<Pending> queue = new ArrayDeque<>();
        private final Set<URI> seenDocs = new HashSet<>();
        private final Map<String, SitemapEntry> entries = new LinkedHashMap<>();
        private final List<SitemapResult.Failure> failures = new ArrayList<>();
        private final List<SitemapResult.Cut> cut = new ArrayList<>();
        private int read;
        private int notModified;
        private boolean limitReached;

        void enqueue(URI uri, int depth) {
            if (seenDocs.add(uri)) { // index cycles end here
                queue.addLast(new Pending(uri, depth));
            }
        }

        void add(SitemapEntry e) {
            if (entries.size() >= maxUrls) {
                limitReached = true;
                return;
            }
            entries.putIfAbsent(e.url(), e);
        }
    }
}
