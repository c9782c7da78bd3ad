package io.newsflow.ingest.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.ingest.discovery.UrlListReader;
import io.newsflow.ingest.feeds.FeedPoller;
import io.newsflow.ingest.feeds.FeedReader;
import io.newsflow.ingest.files.FileIngest;
import io.newsflow.ingest.pipeline.SeenSet;
import io.newsflow.ingest.pipeline.WarcIngest;
import io.newsflow.ingest.produce.RawArticleSink;
import io.newsflow.ingest.sources.FeedSource;
import io.newsflow.ingest.sources.FolderSource;
import io.newsflow.ingest.sources.SitemapSource;
import io.newsflow.ingest.sources.Source;
import io.newsflow.ingest.sources.UrlListSource;
import io.newsflow.ingest.sources.UrlSource;
import io.newsflow.ingest.sources.WarcArchiveSource;
import io.newsflow.ingest.url.UrlCanonicalizer;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The ingest service: reads every {@link Source} (files, WARC archives, URLs, URL lists, sitemaps and
 * sites, feeds), fetches the pages the web sources find, and sends them as RawArticles. Once, or, when
 * following, until {@link #stop()}: feeds and sitemaps are polled on their schedule and folders are
 * watched for new files. Progress goes to the console at least every {@code progressInterval} while
 * there is work; the summary's counts add up (see {@link IngestSummary}).
 */
public final class IngestService {

    /** Classpath resource with the commented defaults. */
    public static final String DEFAULTS = "ingest-defaults.properties";

    /** How long a stopping run waits for pages in flight before leaving them to the next run. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final IngestOptions options;
    private final RawArticleSink sink;
    private final Supplier<SeenSet> seen;
    private final MeterRegistry metrics;
    private final Console console;
    private final InputStream stdin;
    private final Clock clock = Clock.systemUTC();
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);

    /**
     * A service sending into {@code sink}; {@code seen} loads what earlier runs fetched (asked only
     * if there are web sources and no refetch); lines go to {@code console}.
     */
    public IngestService(IngestOptions options, RawArticleSink sink, Supplier<SeenSet> seen, MeterRegistry metrics,
                         PrintStream console, InputStream stdin) {
        this.options = options;
        this.sink = sink;
        this.seen = seen;
        this.metrics = metrics;
        this.console = new Console(console);
        this.stdin = stdin;
    }

    /** Asks a running service to stop: no new reads, pages in flight get a short grace, then the summary. */
    public void stop() {
        stopRequested.countDown();
    }

    /** Waits until {@link #run()} has returned (its records flushed), at most {@code max}; true if it did. */
    public boolean awaitFinished(Duration max) throws InterruptedException {
        return finished.await(max.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs until every source is done, or, when following, until {@link #stop()}; flushes the sink. */
    public IngestSummary run() throws InterruptedException {
        try {
            long started = System.nanoTime();
            long maxBytes = effectiveMaxBytes();
            boolean web = options.sources().web();
            try (WebFetch fetch = web ? new WebFetch(options, sink, options.refetch() ? SeenSet.empty() : seen.get(),
                    metrics, maxBytes) : null;
                 Progress progress = new Progress(console, fetch, sink, options.progressInterval())) {
                SourceRun sources = new SourceRun(fetch, sink, console, progress, this::stopping);
                loop(sources, sources(fetch, maxBytes));
                long unfinished = fetch == null ? 0 : fetch.await(stopping() ? STOP_GRACE : null);
                sink.flush();
                IngestSummary summary = new IngestSummary(sink.sent(), sink.deadLetters(), sink.failed(),
                        fetch == null ? null : fetch.counts(unfinished), sources.count(), sources.failedNames(),
                        (System.nanoTime() - started) / 1e9);
                summary.lines().forEach(console::say);
                return summary;
            }
        } finally {
            finished.countDown();
        }
    }

    private boolean stopping() {
        return stopRequested.getCount() == 0;
    }

    /** Reads each source when due until none is left (each one-shot source once) or a stop is asked for. */
    private void loop(SourceRun run, List<Source> sources) throws InterruptedException {
        Map<Source, Instant> due = new LinkedHashMap<>();
        sources.forEach(s -> due.put(s, Instant.MIN));
        boolean announced = false;
        while (!due.isEmpty() && !stopping()) {
            for (Source source : List.copyOf(due.keySet())) {
                if (stopping()) {
                    break;
                }
                if (!clock.instant().isBefore(due.get(source))) {
                    Optional<Instant> next = run.read(source);
                    next.ifPresentOrElse(at -> due.put(source, at), () -> due.remove(source));
                }
            }
            run.tidy();
            if (!due.isEmpty() && !announced) {
                console.say("following " + due.size() + " sources (" + String.join(", ",
                        due.keySet().stream().map(Source::name).toList()) + "); Ctrl-C or SIGTERM stops");
                announced = true;
            }
            Instant wake = due.values().stream().min(Instant::compareTo).orElse(clock.instant());
            long millis = Math.max(100, Duration.between(clock.instant(), wake).toMillis());
            if (!due.isEmpty()) {
                stopRequested.await(millis, TimeUnit.MILLISECONDS);
            }
        }
    }

    /** The sources, in the order a run reads them: files, WARC archives, URLs, URL lists, sites, sitemaps, feeds. */
    private List<Source> sources(WebFetch fetch, long maxBytes) {
        IngestOptions.Sources s = options.sources();
        boolean follow = options.follow();
        List<Source> out = new ArrayList<>();
        FileIngest files = new FileIngest(sink, maxBytes);
        for (Path dir : s.dirs()) {
            out.add(new FolderSource(dir, files, follow ? options.dirScanInterval() : null, clock));
        }
        UrlCanonicalizer canonicalizer = new UrlCanonicalizer();
        for (Path warc : s.warcs()) {
            out.add(new WarcArchiveSource(warc, new WarcIngest(sink, canonicalizer,
                    options.kafka().isEmpty() ? null : options.kafka())));
        }
        if (fetch == null) {
            return out;
        }
        if (!s.urls().isEmpty()) {
            out.add(new UrlSource(s.urls()));
        }
        s.urlLists().forEach(list -> out.add(new UrlListSource(list, new UrlListReader(canonicalizer), stdin)));
        Duration sitemapEvery = follow ? options.sitemapInterval() : null;
        s.sites().forEach(site -> out.add(SitemapSource.site(site, fetch.sitemaps(), sitemapEvery, clock)));
        s.sitemaps().forEach(map -> out.add(SitemapSource.sitemap(map, fetch.sitemaps(), sitemapEvery, clock)));
        for (URI feed : s.feeds()) {
            out.add(new FeedSource(feed, new FeedPoller(fetch.xml(), new FeedReader(), options.feedInterval(),
                    options.feedMinInterval(), options.feedMaxInterval(), Duration.ofHours(6), clock), follow, clock));
        }
        return out;
    }

    /**
     * The body cap: ingest.max-bytes, lowered when needed so that a page cut at the cap still fits
     * the producer's max.request.size with its other fields.
     */
    private long effectiveMaxBytes() {
        if (options.maxBytes() > sink.maxBodyBytes()) {
            console.say(String.format(java.util.Locale.ROOT, "ingest.max-bytes %d lowered to %d so that every page "
                    + "fits kafka.max.request.size", options.maxBytes(), sink.maxBodyBytes()));
            return sink.maxBodyBytes();
        }
        return options.maxBytes();
    }

    /** Lines for the operator, each prefixed {@code newsflow ingest: }; shared by the loop and the progress thread. */
    static final class Console {
        private final PrintStream out;

        Console(PrintStream out) {
            this.out = out;
        }

        synchronized void say(String line) {
            out.println("newsflow ingest: " + line);
        }
    }
}
