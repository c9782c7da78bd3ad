package io.newsflow.ingest.politeness;

import crawlercommons.robots.BaseRobotRules;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.ingest.fetch.FetchOptions;
import io.newsflow.ingest.fetch.FetchRequest;
import io.newsflow.ingest.fetch.FetchResult;
import io.newsflow.ingest.fetch.FetchStatus;
import io.newsflow.ingest.fetch.Fetcher;
import io.newsflow.ingest.fetch.HttpFetcher;
import io.newsflow.ingest.fetch.RedirectCheck;
import io.newsflow.ingest.politeness.internal.FetchMetrics;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wraps a {@link Fetcher} with politeness: robots.txt (cached, Crawl-delay honoured up to a cap),
 * per-host concurrency and minimum delay, and a global concurrency limit. Every outcome goes to
 * the {@link FetchListener} and to Micrometer. Blocking {@link #fetch} suits virtual threads;
 * {@link #submit} runs on one virtual thread per request.
 */
public final class PoliteFetcher implements Fetcher, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PoliteFetcher.class);

    private final Fetcher delegate;
    private final RobotsCache robots;
    private final HostScheduler scheduler;
    private final PolitenessOptions options;
    private final FetchListener listener;
    private final FetchMetrics metrics;
    private final ExecutorService executor;
    private final List<HttpFetcher> owned;

    private PoliteFetcher(Fetcher delegate, RobotsCache robots, HostScheduler scheduler, PolitenessOptions options,
                          FetchListener listener, FetchMetrics metrics, List<HttpFetcher> owned) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.robots = Objects.requireNonNull(robots, "robots");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.options = Objects.requireNonNull(options, "options");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.metrics = metrics;
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        this.owned = owned;
    }

    /**
     * Builds a polite fetcher owning its HTTP fetchers: one for pages (as configured) and one for
     * robots.txt (any content type, 512 KiB cap, as Google applies).
     */
    public static PoliteFetcher create(FetchOptions fetchOptions, PolitenessOptions options, FetchListener listener,
                                       MeterRegistry registry) {
        HttpFetcher robotsFetcher = new HttpFetcher(fetchOptions.withHtmlOnly(false).withMaxBodyBytes(512 * 1024));
        RobotsCache robots = new RobotsCache(robotsFetcher, options.robotsAgentName(), options.robotsTtl(),
                options.robotsFailureTtl(), Clock.systemUTC(), options.maxHosts());
        HttpFetcher pages = new HttpFetcher(fetchOptions,
                options.obeyRobots() ? robotsCheck(robots) : RedirectCheck.ALLOW_ALL);
        HostScheduler scheduler = new HostScheduler(options.perHostConcurrency(), options.globalConcurrency(),
                options.maxHosts());
        return new PoliteFetcher(pages, robots, scheduler, options, listener, new FetchMetrics(registry),
                List.of(pages, robotsFetcher));
    }

    /**
     * A redirect check refusing hops that the target's robots.txt disallows; pass it to the
     * {@link HttpFetcher} given to {@link #over} so redirects cannot lead into disallowed paths.
     */
    public static RedirectCheck robotsCheck(RobotsCache robots) {
        return next -> robots.isAllowed(next) ? null
                : new RedirectCheck.Refusal(FetchStatus.ROBOTS_DENIED,
                        "redirect target disallowed by robots.txt: " + next);
    }

    /** Builds a polite fetcher over caller-owned parts (closing it does not close them). */
    public static PoliteFetcher over(Fetcher delegate, RobotsCache robots, HostScheduler scheduler,
                                     PolitenessOptions options, FetchListener listener, MeterRegistry registry) {
        return new PoliteFetcher(delegate, robots, scheduler, options, listener, new FetchMetrics(registry), List.of());
    }

    /**
     * A polite fetcher sharing this one's robots cache, host scheduler, listener and metrics but
     * fetching with {@code other}, e.g. a non-HTML fetcher for feeds and sitemaps, so that pages and
     * feeds of one host still take turns. The caller owns {@code other}.
     */
    public PoliteFetcher withDelegate(Fetcher other) {
        return new PoliteFetcher(other, robots, scheduler, options, listener, metrics, List.of());
    }

    /** The shared robots.txt cache (also the source of robots.txt sitemap declarations). */
    public RobotsCache robots() {
        return robots;
    }

    /** Fetches politely, blocking while waiting for robots.txt, the host's turn and global capacity. */
    @Override
    public FetchResult fetch(FetchRequest request) {
        long start = System.nanoTime();
        FetchResult result = politeFetch(request);
        metrics.record(result, Duration.ofNanos(System.nanoTime() - start));
        notifyListener(result);
        return result;
    }

    /** Runs {@link #fetch} on a virtual thread; the future never completes exceptionally for fetch failures. */
    public CompletableFuture<FetchResult> submit(FetchRequest request) {
        return CompletableFuture.supplyAsync(() -> fetch(request), executor);
    }

    private FetchResult politeFetch(FetchRequest request) {
        URI uri = request.uri();
        Duration delay = options.minDelay();
        if (options.obeyRobots()) {
            BaseRobotRules rules = robots.rulesFor(uri);
            if (!rules.isAllowed(uri.toString())) {
                // Allow-none rules stand for a robots.txt that could not be read (unreachable or 5xx, RFC 9309
                // 2.3.1.4): a failure of the host, retried later, not the site's policy.
                return rules.isAllowNone()
                        ? FetchResult.failure(uri, uri, FetchStatus.NETWORK_ERROR, 0, 0, Instant.now(),
                                "robots.txt unavailable (unreachable or server error): not fetched for now")
                        : FetchResult.failure(uri, uri, FetchStatus.ROBOTS_DENIED, 0, 0, Instant.now(),
                                "disallowed by robots.txt");
            }
            delay = effectiveDelay(rules.getCrawlDelay());
        }
        try (HostScheduler.Permit permit = scheduler.acquire(HostKey.of(uri), delay)) {
            return delegate.fetch(request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FetchResult.failure(uri, uri, FetchStatus.NETWORK_ERROR, 0, 0, Instant.now(),
                    "interrupted while waiting for the host's turn");
        }
    }

    /** The minimum delay, raised to the site's Crawl-delay but never beyond the cap. */
    Duration effectiveDelay(long crawlDelayMillis) {
        if (crawlDelayMillis <= 0) {
            return options.minDelay();
        }
        Duration crawl = Duration.ofMillis(crawlDelayMillis);
        Duration capped = crawl.compareTo(options.maxCrawlDelay()) > 0 ? options.maxCrawlDelay() : crawl;
        return capped.compareTo(options.minDelay()) > 0 ? capped : options.minDelay();
    }

    private void notifyListener(FetchResult result) {
        try {
            listener.onResult(result);
        } catch (RuntimeException e) {
            // A failing status publisher must not break fetching, but must not go unnoticed either.
            metrics.listenerFailed();
            LOG.warn("fetch listener failed for {}", result.requested(), e);
        }
    }

    /** Stops accepting submissions and closes the fetchers this instance created. */
    @Override
    public void close() {
        executor.shutdownNow();
        owned.forEach(HttpFetcher::close);
    }
}
