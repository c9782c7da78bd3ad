package io.newsflow.ingest.pipeline;

import io.newsflow.ingest.fetch.FetchRequest;
import io.newsflow.ingest.fetch.FetchResult;
import io.newsflow.ingest.fetch.FetchStatus;
import io.newsflow.ingest.politeness.PoliteFetcher;
import io.newsflow.ingest.produce.RawArticleSink;
import io.newsflow.ingest.security.Excerpts;
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
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches discovered pages politely and produces them as RawArticles. The article id comes from
 * the page's canonical URL when it declares a trustworthy one (same site), else from the fetched
 * URL, canonicalised. Every fetch outcome is recorded on the fetch-status topic; only real
 * failures (network errors after retries, server errors, pages that cannot be delivered) are also
 * dead letters, while expected outcomes (robots.txt refusal, SSRF guard, 404/410, not HTML) are a
 * fetch status only. URLs fetched by an earlier run are skipped (see {@link SeenSet}). At most
 * {@code maxInFlight} pages are in flight: {@link #submit} waits beyond that, so a source of 100,000
 * URLs does not park 100,000 fetches in memory.
 */
public final class PageIngest {

    /** Default bound on pages submitted but not yet finished. */
    public static final int DEFAULT_MAX_IN_FLIGHT = 4096;

    private static final Logger LOG = LoggerFactory.getLogger(PageIngest.class);
    private static final List<String> KEPT_HEADERS = List.of("content-type", "content-language", "last-modified",
            "etag", "date", "link");
    private static final Set<FetchStatus> EXPECTED = Set.of(FetchStatus.ROBOTS_DENIED, FetchStatus.BLOCKED,
            FetchStatus.NOT_HTML, FetchStatus.NOT_MODIFIED);
    private static final Set<Integer> GONE = Set.of(404, 410);
    private static final int MAX_BLOCKED_HOSTS = 10;

    private final PoliteFetcher fetcher;
    private final RawArticleSink sink;
    private final UrlCanonicalizer canonicalizer;
    private final CanonicalLinks links;
    private final SeenSet seen;
    private final Semaphore inFlight;
    private final AtomicLong pages = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong expected = new AtomicLong();
    private final AtomicLong invalid = new AtomicLong();
    private final AtomicLong notSubmitted = new AtomicLong();
    private final Map<FetchStatus, AtomicLong> outcomes = new EnumMap<>(FetchStatus.class);
    /** Names of the sources that gave at least one page, expected outcome or skip: they did not fail. */
    private final Set<String> yielding = ConcurrentHashMap.newKeySet();
    /** Hosts (with port) the SSRF guard refused, a few kept to say which --allow-host would let them through. */
    private final Set<String> blockedHosts = ConcurrentHashMap.newKeySet();

    /** Ingest through this fetcher into this sink, skipping ids in {@code seen}. */
    public PageIngest(PoliteFetcher fetcher, RawArticleSink sink, UrlCanonicalizer canonicalizer, SeenSet seen) {
        this(fetcher, sink, canonicalizer, seen, DEFAULT_MAX_IN_FLIGHT);
    }

    /** Like the four-argument constructor, with at most {@code maxInFlight} pages in flight. */
    public PageIngest(PoliteFetcher fetcher, RawArticleSink sink, UrlCanonicalizer canonicalizer, SeenSet seen,
                      int maxInFlight) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be positive: " + maxInFlight);
        }
        this.seen = seen;
        this.fetcher = fetcher;
        this.sink = sink;
        this.canonicalizer = canonicalizer;
        this.links = new CanonicalLinks(canonicalizer);
        this.inFlight = new Semaphore(maxInFlight);
        for (FetchStatus status : FetchStatus.values()) {
            outcomes.put(status, new AtomicLong());
        }
    }

    /**
     * Fetches one page; the future completes once it was sent (as page, status or dead letter).
     * Waits while {@code maxInFlight} pages are in flight.
     */
    public CompletableFuture<Void> submit(Discovered page) {
        URI uri;
        try {
            uri = URI.create(canonicalizer.canonicalize(page.url()));
        } catch (IllegalArgumentException e) {
            invalid.incrementAndGet();
            fail(page, null, "ingest.url", "not a fetchable http(s) URL: " + e.getMessage());
            return CompletableFuture.completedFuture(null);
        }
        String id = ArticleIds.fromCanonicalUrl(uri.toString());
        if (seen.contains(id)) {
            skipped.incrementAndGet();
            markYielding(page);
            return CompletableFuture.completedFuture(null);
        }
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            notSubmitted.incrementAndGet();
            LOG.warn("interrupted before fetching {}; not submitted", Excerpts.of(page.url()));
            return CompletableFuture.completedFuture(null);
        }
        return fetcher.submit(FetchRequest.of(uri))
                .thenCompose(result -> handle(page, id, uri, result))
                .whenComplete((ok, error) -> inFlight.release());
    }

    /** Routes one fetch result: no page (status, maybe dead letter), an AMP follow-up, or a page. */
    private CompletableFuture<Void> handle(Discovered page, String id, URI uri, FetchResult result) {
        if (!result.hasBody()) {
            record(page, id, uri, result, result.status(), result.reason());
            noPage(page, result);
            return CompletableFuture.completedFuture(null);
        }
        PageLinks declared = links(result);
        var full = links.followUp(result.finalUri(), declared);
        if (full.isEmpty()) {
            deliver(page, id, uri, result, result, declared);
            return CompletableFuture.completedFuture(null);
        }
        // An AMP page names its full article: fetch that one instead, once.
        return fetcher.submit(FetchRequest.of(full.get())).thenAccept(canonical -> {
            if (canonical.hasBody()) {
                deliver(page, id, uri, result, canonical, links(canonical));
            } else {
                deliver(page, id, uri, result, result, declared);
            }
        });
    }

    /** Sends {@code sent} and records the outcome of the discovered URL as it was delivered. */
    private void deliver(Discovered page, String id, URI uri, FetchResult fetched, FetchResult sent,
                         PageLinks declared) {
        RawArticleSink.Delivery delivery = accept(page, sent, declared);
        switch (delivery) {
            case SENT -> record(page, id, uri, fetched, fetched.status(), fetched.reason());
            case CUT_TO_FIT -> record(page, id, uri, fetched, FetchStatus.TOO_LARGE_TRUNCATED,
                    "body cut so that the record fits the producer's max.request.size");
            case TOO_LARGE -> {
                // The sink logged it and wrote the dead letter; the status says why there is no page.
                failures.incrementAndGet();
                record(page, id, uri, fetched, FetchStatus.UNDELIVERABLE,
                        "record over the producer's max.request.size even without its body");
            }
        }
    }

    /** True for outcomes that are a site's or our own policy, not a failure: a fetch status is enough. */
    static boolean isExpected(FetchResult result) {
        return EXPECTED.contains(result.status())
                || result.status() == FetchStatus.HTTP_ERROR && GONE.contains(result.httpStatus());
    }

    private void noPage(Discovered page, FetchResult result) {
        if (isExpected(result)) {
            expected.incrementAndGet();
            LOG.info("no page from {} ({}): {} {}", Excerpts.of(page.url()), Excerpts.of(page.sourceName()),
                    result.status(), Excerpts.of(result.reason()));
            return;
        }
        fail(page, result.finalUri(), "ingest.fetch", result.status() + ": " + result.reason());
    }

    /** Discovered URLs skipped because an earlier run already fetched them. */
    public long skipped() {
        return skipped.get();
    }

    private void record(Discovered page, String id, URI uri, FetchResult result, FetchStatus status, String reason) {
        Instant at = result.fetchedAt() == null ? Instant.now() : result.fetchedAt();
        seen.record(id, status.name(), at);
        outcomes.get(status).incrementAndGet();
        if (status.hasBody() || isExpected(result)) {
            markYielding(page);
        }
        URI refused = result.finalUri() == null ? uri : result.finalUri();
        if (status == FetchStatus.BLOCKED && refused.getHost() != null && blockedHosts.size() < MAX_BLOCKED_HOSTS) {
            blockedHosts.add(refused.getPort() < 0 ? refused.getHost() : refused.getHost() + ":" + refused.getPort());
        }
        sink.outcome(FetchOutcome.newBuilder()
                .setArticleId(id)
                .setUrl(uri.toString())
                .setFinalUrl(result.finalUri() == null || result.finalUri().equals(uri) ? null : result.finalUri().toString())
                .setStatus(status.name())
                .setHttpStatus(result.httpStatus())
                .setAttempts(result.attempts())
                .setReason(Excerpts.of(reason, 2 * Excerpts.DEFAULT_CHARS))
                .setFetchedAt(at)
                .setSource(new Source(page.kind(), page.sourceName()))
                .build());
    }

    /**
     * Fetch outcomes of discovered URLs by status, one per URL that was fetched (an AMP page and
     * the article it names count once). Their sum plus {@link #skipped()}, {@link #invalidUrls()}
     * and {@link #notSubmitted()} is the number of URLs submitted.
     */
    public Map<FetchStatus, Long> outcomes() {
        Map<FetchStatus, Long> out = new EnumMap<>(FetchStatus.class);
        outcomes.forEach((status, n) -> out.put(status, n.get()));
        return out;
    }

    /** URLs that were not fetchable http(s) URLs: a dead letter each, no fetch status. */
    public long invalidUrls() {
        return invalid.get();
    }

    /** URLs not fetched because the thread was interrupted (the service is stopping): fetched by the next run. */
    public long notSubmitted() {
        return notSubmitted.get();
    }

    private void markYielding(Discovered page) {
        if (page.sourceName() != null) {
            yielding.add(page.sourceName());
        }
    }

    /** Whether a URL of this source gave a page, an expected outcome or a skip, i.e. not only failures. */
    public boolean yielded(String sourceName) {
        return sourceName != null && yielding.contains(sourceName);
    }

    /** Hosts ({@code host} or {@code host:port}) the SSRF guard refused, at most a few. */
    public Set<String> blockedHosts() {
        return Set.copyOf(blockedHosts);
    }

    /** Pages sent so far. */
    public long pages() {
        return pages.get();
    }

    /** Discovered URLs that gave no page because of a real failure (each also a dead letter). */
    public long failures() {
        return failures.get();
    }

    /** Discovered URLs that gave no page for an expected reason (robots.txt, 404, ...): a fetch status only. */
    public long expectedOutcomes() {
        return expected.get();
    }

    private PageLinks links(FetchResult result) {
        return links.extract(result.body(), result.charset(), result.finalUri());
    }

    /** Sends a fetched page; {@code declared} are its head links, scanned once per page. */
    private RawArticleSink.Delivery accept(Discovered page, FetchResult result, PageLinks declared) {
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
        RawArticleSink.Delivery delivery = sink.send(raw);
        if (delivery != RawArticleSink.Delivery.TOO_LARGE) {
            pages.incrementAndGet();
        }
        return delivery;
    }

    private void fail(Discovered page, URI finalUri, String stage, String reason) {
        failures.incrementAndGet();
        String url = finalUri == null ? page.url() : finalUri.toString();
        LOG.warn("no page from {} ({}): {}", Excerpts.of(url), Excerpts.of(page.sourceName()), Excerpts.of(reason));
        String id = null;
        try {
            id = ArticleIds.fromCanonicalUrl(canonicalizer.canonicalize(page.url()));
        } catch (IllegalArgumentException e) {
            LOG.debug("no id for unusable URL {}", Excerpts.of(page.url()));
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
