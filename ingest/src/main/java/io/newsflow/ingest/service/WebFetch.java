package io.newsflow.ingest.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.ingest.fetch.FetchOptions;
import io.newsflow.ingest.fetch.FetchStatus;
import io.newsflow.ingest.fetch.HttpFetcher;
import io.newsflow.ingest.pipeline.Discovered;
import io.newsflow.ingest.pipeline.PageIngest;
import io.newsflow.ingest.pipeline.SeenSet;
import io.newsflow.ingest.politeness.FetchListener;
import io.newsflow.ingest.politeness.PoliteFetcher;
import io.newsflow.ingest.politeness.PolitenessOptions;
import io.newsflow.ingest.produce.RawArticleSink;
import io.newsflow.ingest.security.SsrfGuard;
import io.newsflow.ingest.sitemaps.SitemapReader;
import io.newsflow.ingest.url.UrlCanonicalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The web side of a run: a polite fetcher for pages, one for feeds and sitemaps (same host turns
 * and robots.txt, not HTML-only, the sitemap size cap), the page pipeline, and the URLs queued.
 */
final class WebFetch implements AutoCloseable {

    private final PoliteFetcher fetcher;
    private final HttpFetcher xmlHttp;
    private final PoliteFetcher xml;
    private final PageIngest pages;
    private final SitemapReader sitemaps;
    private final Set<String> queued = new HashSet<>();
    private final List<CompletableFuture<Void>> pending = new ArrayList<>();
    private final AtomicLong discovered = new AtomicLong();
    private final AtomicLong repeats = new AtomicLong();
    private final int maxInFlight;

    WebFetch(IngestOptions options, RawArticleSink sink, SeenSet seen, MeterRegistry metrics, long maxBytes) {
        FetchOptions fetch = FetchOptions.defaults()
                .withSsrfGuard(options.allowHosts().isEmpty() ? SsrfGuard.defaults()
                        : SsrfGuard.allowing(options.allowHosts()))
                .withMaxBodyBytes(maxBytes);
        if (options.userAgent() != null) {
            fetch = fetch.withUserAgent(options.userAgent());
        }
        PolitenessOptions politeness = PolitenessOptions.defaults().withMaxHosts(options.maxHosts());
        this.fetcher = PoliteFetcher.create(fetch, politeness, FetchListener.NONE, metrics);
        this.xmlHttp = new HttpFetcher(fetch.withHtmlOnly(false).withMaxBodyBytes(options.sitemapMaxBytes()));
        this.xml = fetcher.withDelegate(xmlHttp);
        this.maxInFlight = options.maxInFlight();
        this.pages = new PageIngest(fetcher, sink, new UrlCanonicalizer(), seen, maxInFlight);
        // One reader for the whole run: it remembers validators, so re-reading fetches only what changed.
        this.sitemaps = SitemapReader.withDefaults(xml, options.sitemapMaxBytes());
    }

    /** The fetcher for feeds and sitemaps. */
    PoliteFetcher xml() {
        return xml;
    }

    /** The sitemap reader shared by every sitemap source. */
    SitemapReader sitemaps() {
        return sitemaps;
    }

    /** The page pipeline, for its counts. */
    PageIngest pages() {
        return pages;
    }

    /** Queues a page unless this run queued it already; returns true if it was new. */
    boolean submit(Discovered page) {
        if (!queued.add(page.url())) {
            repeats.incrementAndGet();
            return false;
        }
        discovered.incrementAndGet();
        pending.add(pages.submit(page));
        // Finished futures are dropped as we go, so a source of 100,000 URLs keeps only those in flight.
        if (pending.size() >= 2 * maxInFlight) {
            dropFinished();
        }
        return true;
    }

    /** Drops finished futures; join() rethrows what a page's handling threw, so nothing fails silently. */
    void dropFinished() {
        pending.removeIf(f -> {
            if (f.isDone()) {
                f.join();
                return true;
            }
            return false;
        });
    }

    /**
     * Waits for the queued pages, at most {@code max} (null: until all are done); returns how many
     * were still unfinished.
     */
    long await(Duration max) throws InterruptedException {
        CompletableFuture<Void> all = CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new));
        try {
            if (max == null) {
                all.get();
            } else {
                all.get(max.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (ExecutionException e) {
            dropFinished(); // rethrows the page's failure itself
        } catch (TimeoutException e) {
            // Stopping: what is still in flight has no fetch status yet, so the next run fetches it.
        }
        dropFinished();
        return pending.size();
    }

    /** A snapshot of the counts, {@code unfinished} being URLs queued whose fetch did not end. */
    IngestSummary.Web counts(long unfinished) {
        Map<FetchStatus, Long> outcomes = pages.outcomes();
        outcomes.values().removeIf(n -> n == 0);
        return new IngestSummary.Web(discovered.get(), repeats.get(), outcomes, pages.expectedOutcomes(),
                pages.skipped(), pages.invalidUrls(), unfinished + pages.notSubmitted(), pages.blockedHosts());
    }

    /** URLs queued whose fetch has not ended yet. */
    long queued() {
        long fetched = pages.outcomes().values().stream().mapToLong(Long::longValue).sum();
        return Math.max(0, discovered.get() - fetched - pages.skipped() - pages.invalidUrls() - pages.notSubmitted());
    }

    @Override
    public void close() {
        xmlHttp.close();
        fetcher.close();
    }
}
