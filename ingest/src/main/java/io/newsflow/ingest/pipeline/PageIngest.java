package io.newsflow.ingest.pipeline;

import io.newsflow.ingest.fetch.FetchRequest;
import io.newsflow.ingest.fetch.FetchResult;
import io.newsflow.ingest.politeness.PoliteFetcher;
import io.newsflow.ingest.produce.RawArticleSink;
import io.newsflow.ingest.url.CanonicalLinks;
import io.newsflow.ingest.url.PageLinks;
import io.newsflow.ingest.url.UrlCanonicalizer;
import io.newsflow.schemas.avro.FetchOutcome;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.avro.Source;
import io.newsflow.schemas.deadletter.DeadLetters;
import io.newsflow.schemas.ids.ArticleIds;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches discovered pages politely and produces them as RawArticles. The article id comes from
 * the page's canonical URL when it declares a trustworthy one (same site), else from the fetched
 * URL, canonicalised; every fetch that yields no page becomes a dead letter with its reason, and
 * every fetch outcome is recorded on the fetch-status topic. URLs fetched by an earlier run are
 * skipped (see {@link SeenSet}).
 */
public final class PageIngest {

    private static final Logger LOG = LoggerFactory.getLogger(PageIngest.class);
    private static final List<String> KEPT_HEADERS = List.of("content-type", "content-language", "last-modified",
            "etag", "date", "link");

    private final PoliteFetcher fetcher;
    private final RawArticleSink sink;
    private final UrlCanonicalizer canonicalizer;
    private final CanonicalLinks links;
    private final SeenSet seen;
    private final AtomicLong pages = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();

    /** Ingest through this fetcher into this sink, skipping ids in {@code seen}. */
    public PageIngest(PoliteFetcher fetcher, RawArticleSink sink, UrlCanonicalizer canonicalizer, SeenSet seen) {
        this.seen = seen;
        this.fetcher = fetcher;
        this.sink = sink;
        this.canonicalizer = canonicalizer;
        this.links = new CanonicalLinks(canonicalizer);
    }

    /** Fetches one page; the future completes once it was sent (as page or dead letter). */
    public CompletableFuture<Void> submit(Discovered page) {
        URI uri;
        try {
            uri = URI.create(canonicalizer.canonicalize(page.url()));
        } catch (IllegalArgumentException e) {
            fail(page, null, "ingest.url", "not a fetchable http(s) URL: " + e.getMessage());
            return CompletableFuture.completedFuture(null);
        }
        String id = ArticleIds.fromCanonicalUrl(uri.toString());
        if (seen.contains(id)) {
            skipped.incrementAndGet();
            return CompletableFuture.completedFuture(null);
        }
        return fetcher.submit(FetchRequest.of(uri)).thenCompose(result -> {
            record(page, id, uri, result);
            if (!result.hasBody()) {
                fail(page, result.finalUri(), "ingest.fetch", result.status() + ": " + result.reason());
                return CompletableFuture.completedFuture(null);
            }
            PageLinks declared = links(result);
            var full = links.followUp(result.finalUri(), declared);
            if (full.isPresent()) {
                // An AMP page names its full article: fetch that one instead, once.
                return fetcher.submit(FetchRequest.of(full.get())).thenAccept(canonical -> {
                    if (canonical.hasBody()) {
                        accept(page, canonical, links(canonical));
                    } else {
                        accept(page, result, declared);
                    }
                });
            }
            accept(page, result, declared);
            return CompletableFuture.completedFuture(null);
        });
    }

    /** Discovered URLs skipped because an earlier run already fetched them. */
    public long skipped() {
        return skipped.get();
    }

    private void record(Discovered page, String id, URI uri, FetchResult result) {
        seen.record(id, result.status().name(), result.fetchedAt() == null ? java.time.Instant.now() : result.fetchedAt());
        sink.outcome(FetchOutcome.newBuilder()
                .setArticleId(id)
                .setUrl(uri.toString())
                .setFinalUrl(result.finalUri() == null || result.finalUri().equals(uri) ? null : result.finalUri().toString())
                .setStatus(result.status().name())
                .setHttpStatus(result.httpStatus())
                .setAttempts(result.attempts())
                .setReason(result.reason())
                .setFetchedAt(result.fetchedAt() == null ? java.time.Instant.now() : result.fetchedAt())
                .setSource(new Source(page.kind(), page.sourceName()))
                .build());
    }

    /** Pages sent so far. */
    public long pages() {
        return pages.get();
    }

    /** Discovered URLs that gave no page so far. */
    public long failures() {
        return failures.get();
    }

    private PageLinks links(FetchResult result) {
        return links.extract(result.body(), result.charset(), result.finalUri());
    }

    /** Sends a fetched page; {@code declared} are its head links, scanned once per page. */
    private void accept(Discovered page, FetchResult result, PageLinks declared) {
        String canonical = links.identity(result.finalUri(), declared);
        Map<String, String> headers = new HashMap<>();
        for (String name : KEPT_HEADERS) {
            String value = result.header(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        RawArticle raw = RawArticle.newBuilder()
                .setId(ArticleIds.fromCanonicalUrl(canonical))
                .setUrl(canonical)
                .setFinalUrl(result.finalUri().toString().equals(canonical) ? null : result.finalUri().toString())
                .setFetchedAt(result.fetchedAt())
                .setHttpStatus(result.httpStatus())
                .setContentType(result.contentType())
                .setCharset(charsetParam(result.contentType()))
                .setHeaders(headers)
                .setBody(ByteBuffer.wrap(result.body()))
                .setTruncated(result.truncated())
                .setSource(new Source(page.kind(), page.sourceName()))
                .setHints(page.hints())
                .build();
        sink.send(raw);
        pages.incrementAndGet();
    }

    private void fail(Discovered page, URI finalUri, String stage, String reason) {
        failures.incrementAndGet();
        String url = finalUri == null ? page.url() : finalUri.toString();
        LOG.warn("no page from {} ({}): {}", url, page.sourceName(), reason);
        String id = null;
        try {
            id = ArticleIds.fromCanonicalUrl(canonicalizer.canonicalize(page.url()));
        } catch (IllegalArgumentException e) {
            LOG.debug("no id for unusable URL {}", page.url());
        }
        sink.deadLetter(DeadLetters.of(stage, reason, null, DeadLetters.Origin.NONE, null, null, id, url));
    }

    private static String charsetParam(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String part : contentType.split(";")) {
            String p = part.trim();
            if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                return p.substring("charset=".length()).replace("\"", "").trim();
            }
        }
        return null;
    }
}
