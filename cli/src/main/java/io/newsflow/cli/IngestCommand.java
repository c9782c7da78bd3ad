package io.newsflow.cli;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.ingest.discovery.UrlListReader;
import io.newsflow.ingest.feeds.FeedItem;
import io.newsflow.ingest.feeds.FeedPoller;
import io.newsflow.ingest.feeds.FeedReader;
import io.newsflow.ingest.feeds.PollResult;
import io.newsflow.ingest.fetch.FetchOptions;
import io.newsflow.ingest.fetch.HttpFetcher;
import io.newsflow.ingest.files.FileIngest;
import io.newsflow.ingest.pipeline.Discovered;
import io.newsflow.ingest.pipeline.PageIngest;
import io.newsflow.ingest.pipeline.SeenSet;
import io.newsflow.ingest.pipeline.WarcIngest;
import io.newsflow.ingest.politeness.FetchListener;
import io.newsflow.ingest.politeness.PoliteFetcher;
import io.newsflow.ingest.politeness.PolitenessOptions;
import io.newsflow.ingest.produce.RawArticleSink;
import io.newsflow.ingest.security.SsrfGuard;
import io.newsflow.ingest.sitemaps.SitemapEntry;
import io.newsflow.ingest.sitemaps.SitemapReader;
import io.newsflow.ingest.sitemaps.SitemapResult;
import io.newsflow.ingest.url.UrlCanonicalizer;
import io.newsflow.schemas.avro.FeedHints;
import io.newsflow.schemas.avro.SourceKind;
import io.newsflow.schemas.config.ServiceConfig;
import io.newsflow.schemas.serde.RegistrySerdeFactory;
import io.newsflow.schemas.topics.TopicNames;
import io.newsflow.schemas.topics.Topics;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Ingests pages into news.raw.v1 from files, URLs, URL lists, feeds, sitemaps and WARC archives. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Produce RawArticles to news.raw.v1 from files, URLs, URL lists, feeds, sitemaps and WARC files.")
final class IngestCommand implements Callable<Integer> {

    /** Ingest defaults resource. */
    static final String DEFAULTS = "ingest-defaults.properties";

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--dir", description = "A page file or a folder of pages (.html, .html.gz), repeatable.")
    List<Path> dirs = new ArrayList<>();

    @Option(names = "--url", description = "A page URL to fetch, repeatable.")
    List<String> urls = new ArrayList<>();

    @Option(names = "--urls", description = "A file of page URLs, one per line ('-' for stdin), repeatable.")
    List<String> urlLists = new ArrayList<>();

    @Option(names = "--feed", description = "An RSS, Atom or JSON Feed URL, repeatable.")
    List<URI> feeds = new ArrayList<>();

    @Option(names = "--sitemap", description = "A sitemap or sitemap index URL (Google News sitemaps too), repeatable.")
    List<URI> sitemaps = new ArrayList<>();

    @Option(names = "--site", description = "A site root: its sitemaps are found in its robots.txt, repeatable.")
    List<URI> sites = new ArrayList<>();

    @Option(names = "--warc", description = "A WARC or WARC.gz file to replay (resumable), repeatable.")
    List<Path> warcs = new ArrayList<>();

    @Option(names = "--follow", description = "Keep polling the feeds on their schedule until Ctrl-C.")
    boolean follow;

    @Option(names = "--once", description = "Read every source once and stop (the default; overrides ingest.follow).")
    boolean once;

    @Option(names = "--refetch", description = "Fetch URLs again even if the fetch-status topic says they were fetched.")
    boolean refetch;

    @Option(names = "--allow-host", paramLabel = "HOST[:PORT]",
            description = "Let the SSRF guard allow this private/loopback host, IP or CIDR (testing), repeatable. "
                    + "With :PORT ([::1]:8080 for IPv6) only that port; without, every port of the host.")
    List<String> allowHosts = new ArrayList<>();

    @Option(names = "--user-agent", description = "User-Agent to send (default: an honest Newsflow agent).")
    String userAgent;

    @Override
    public Integer call() throws IOException, InterruptedException {
        ServiceConfig config = connection.load(DEFAULTS);
        addConfiguredSources(config);
        Topics topics = Topics.create(TopicNames.fromConfig(config.asMap()),
                RegistrySerdeFactory.create(config.get("registry.url"), config.asMap()));
        Progress progress = new Progress();
        UrlCanonicalizer canonicalizer = new UrlCanonicalizer();
        try (ServiceMetrics metrics = ServiceMetrics.start(config, "ingest");
             RawArticleSink sink = new RawArticleSink(config.kafka(), topics)) {
            FunctionCounter.builder("newsflow.ingest.records", sink, RawArticleSink::sent).tag("outcome", "sent")
                    .register(metrics.registry());
            FunctionCounter.builder("newsflow.ingest.records", sink, RawArticleSink::deadLetters)
                    .tag("outcome", "dead-letter").register(metrics.registry());
            FunctionCounter.builder("newsflow.ingest.records", sink, RawArticleSink::failed).tag("outcome", "failed")
                    .register(metrics.registry());
            FunctionCounter.builder("newsflow.ingest.records", sink, RawArticleSink::cutToFit)
                    .tag("outcome", "cut-to-fit").register(metrics.registry());
            FunctionCounter.builder("newsflow.ingest.records", sink, RawArticleSink::tooLarge)
                    .tag("outcome", "too-large").register(metrics.registry());
            long maxBytes = maxBodyBytes(config, sink);
            if (!dirs.isEmpty()) {
                int files = new FileIngest(sink, maxBytes).ingest(dirs);
                progress.note("files", files);
            }
            for (Path warc : warcs) {
                new WarcIngest(sink, canonicalizer, config.kafka()).replay(warc, (share, n) -> progress.eta("warc " + warc.getFileName(), n, share, sink));
            }
            if (!urls.isEmpty() || !urlLists.isEmpty() || !feeds.isEmpty() || !sitemaps.isEmpty() || !sites.isEmpty()) {
                fetchFromWeb(config, topics, sink, canonicalizer, progress, metrics.registry(), maxBytes);
            }
            sink.flush();
            System.err.printf("newsflow ingest: %d pages sent, %d dead letters, %d failed in %.1f s%n",
                    sink.sent(), sink.deadLetters(), sink.failed(), progress.seconds());
            return sink.failed() == 0 ? 0 : 1;
        }
    }

    /**
     * The body cap: ingest.max-bytes, lowered when needed so that a page cut at the cap still fits
     * the producer's max.request.size with its other fields.
     */
    private static long maxBodyBytes(ServiceConfig config, RawArticleSink sink) {
        long configured = config.getLong("ingest.max-bytes", sink.maxBodyBytes());
        if (configured > sink.maxBodyBytes()) {
            System.err.printf("newsflow ingest: ingest.max-bytes %d lowered to %d so that every page fits "
                    + "kafka.max.request.size%n", configured, sink.maxBodyBytes());
            return sink.maxBodyBytes();
        }
        return configured;
    }

    private void fetchFromWeb(ServiceConfig config, Topics topics, RawArticleSink sink, UrlCanonicalizer canonicalizer,
                              Progress progress, MeterRegistry metrics, long maxBytes)
            throws IOException, InterruptedException {
        FetchOptions options = FetchOptions.defaults()
                .withSsrfGuard(allowHosts.isEmpty() ? SsrfGuard.defaults() : SsrfGuard.allowing(allowHosts))
                .withMaxBodyBytes(maxBytes);
        if (userAgent != null) {
            options = options.withUserAgent(userAgent);
        }
        PolitenessOptions politeness = PolitenessOptions.defaults()
                .withMaxHosts(config.getInt("ingest.max-hosts", PolitenessOptions.defaults().maxHosts()));
        try (PoliteFetcher fetcher = PoliteFetcher.create(options, politeness, FetchListener.NONE, metrics)) {
            SeenSet fetched = refetch ? SeenSet.empty() : SeenSet.load(config.kafka(), topics.fetchStatus(),
                    config.getInt("ingest.refetch-after-hours", 0) > 0
                            ? Duration.ofHours(config.getInt("ingest.refetch-after-hours", 0)) : null);
            PageIngest pages = new PageIngest(fetcher, sink, canonicalizer, fetched,
                    config.getInt("ingest.max-in-flight", PageIngest.DEFAULT_MAX_IN_FLIGHT));
            // Feeds and sitemaps are XML: fetched by a non-HTML fetcher sharing the same host turns and robots.txt.
            HttpFetcher xmlFetcher = new HttpFetcher(options.withHtmlOnly(false));
            PoliteFetcher xml = fetcher.withDelegate(xmlFetcher);
            List<CompletableFuture<Void>> pending = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (String url : urls) {
                submit(pages, pending, seen, new Discovered(url, null, SourceKind.URL, "command line"));
            }
            readUrlLists(canonicalizer, pages, pending, seen);
            for (URI site : sites) {
                List<URI> found = SitemapReader.withDefaults(xml).discover(site);
                System.err.printf("newsflow ingest: %s declares %d sitemaps in robots.txt%n", site, found.size());
                sitemaps.addAll(found);
            }
            // One reader for the whole run: it remembers validators, so re-reading sitemaps when following
            // them fetches only what changed.
            SitemapReader sitemapReader = SitemapReader.withDefaults(xml);
            Duration sitemapInterval = Duration.ofMinutes(config.getInt("ingest.sitemap-interval-minutes", 15));
            Instant sitemapsDue = Instant.now();
            FeedPoller poller = new FeedPoller(xml, new FeedReader(),
                    Duration.ofMinutes(config.getInt("ingest.feed-interval-minutes", 10)),
                    Duration.ofMinutes(config.getInt("ingest.feed-min-interval-minutes", 2)),
                    Duration.ofMinutes(config.getInt("ingest.feed-max-interval-minutes", 60)), Duration.ofHours(6),
                    Clock.systemUTC());
            feeds.forEach(poller::add);
            do {
                if (!sitemaps.isEmpty() && !Instant.now().isBefore(sitemapsDue)) {
                    readSitemaps(sitemapReader, pages, pending, seen);
                    sitemapsDue = Instant.now().plus(sitemapInterval);
                }
                for (PollResult result : follow ? poller.pollDue() : feeds.stream().map(poller::poll).toList()) {
                    if (result.status() == PollResult.Status.FAILED) {
                        System.err.println("newsflow ingest: feed " + result.feed() + " failed: " + result.reason());
                    }
                    for (FeedItem item : result.items()) {
                        submit(pages, pending, seen, new Discovered(item.url(), hints(item), SourceKind.FEED,
                                result.feed().toString()));
                    }
                }
                dropFinished(pending);
                progress.tick("web", pages.pages() + pages.failures(), sink);
                if (follow) {
                    Instant next = poller.nextDue().orElse(Instant.now().plusSeconds(60));
                    if (!sitemaps.isEmpty() && sitemapsDue.isBefore(next)) {
                        next = sitemapsDue;
                    }
                    Thread.sleep(Math.max(1_000, Duration.between(Instant.now(), next).toMillis()));
                }
            } while (follow);
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
            progress.tick("web", pages.pages() + pages.failures(), sink);
            if (pages.expectedOutcomes() > 0) {
                System.err.printf("newsflow ingest: %d URLs gave no page for an expected reason (robots.txt, 404/410, "
                        + "blocked, not HTML): fetch status only, see the outcomes below%n", pages.expectedOutcomes());
            }
            if (pages.skipped() > 0) {
                System.err.printf("newsflow ingest: %d URLs skipped, already fetched (--refetch to fetch again)%n",
                        pages.skipped());
            }
            xmlFetcher.close();
        }
        StringBuilder outcomes = new StringBuilder();
        metrics.find("newsflow.fetch.results").counters().stream().filter(c -> c.count() > 0).forEach(c -> outcomes.append(' ')
                .append(c.getId().getTag("status")).append('=').append((long) c.count()));
        if (!outcomes.isEmpty()) {
            System.err.println("newsflow ingest: fetch outcomes:" + outcomes);
        }
    }

    /** Reads every sitemap, reports the documents that failed, submits the URLs found (with Google News hints). */
    private void readSitemaps(SitemapReader reader, PageIngest pages, List<CompletableFuture<Void>> pending,
                              Set<String> seen) {
        for (URI sitemap : sitemaps) {
            SitemapResult result = reader.read(sitemap);
            for (SitemapResult.Failure f : result.failures()) {
                System.err.println("newsflow ingest: sitemap " + f.sitemap() + " failed: " + f.reason());
            }
            if (result.limitReached()) {
                System.err.println("newsflow ingest: sitemap " + sitemap + " cut at a depth, document or URL limit");
            }
            for (SitemapEntry e : result.entries()) {
                FeedHints hints = e.title() == null && e.published() == null ? null
                        : FeedHints.newBuilder().setTitle(e.title()).setPublished(e.published()).build();
                submit(pages, pending, seen, new Discovered(e.url(), hints, SourceKind.SITEMAP, sitemap.toString()));
            }
        }
    }

    /** Sources listed in the configuration file come on top of those on the command line. */
    private void addConfiguredSources(ServiceConfig config) {
        config.getList("ingest.dirs", List.of()).forEach(d -> dirs.add(Path.of(d)));
        urls.addAll(config.getList("ingest.urls", List.of()));
        urlLists.addAll(config.getList("ingest.url-lists", List.of()));
        config.getList("ingest.feeds", List.of()).forEach(f -> feeds.add(URI.create(f)));
        config.getList("ingest.sitemaps", List.of()).forEach(f -> sitemaps.add(URI.create(f)));
        config.getList("ingest.warcs", List.of()).forEach(w -> warcs.add(Path.of(w)));
        follow |= Boolean.parseBoolean(config.get("ingest.follow", "false"));
        follow &= !once;
        config.getList("ingest.sites", List.of()).forEach(f -> sites.add(URI.create(f)));
    }

    private void readUrlLists(UrlCanonicalizer canonicalizer, PageIngest pages, List<CompletableFuture<Void>> pending,
                              Set<String> seen) throws IOException {
        UrlListReader reader = new UrlListReader(canonicalizer);
        for (String list : urlLists) {
            var accepted = (java.util.function.Consumer<String>) u ->
                    submit(pages, pending, seen, new Discovered(u, null, SourceKind.URL, list));
            var rejected = (java.util.function.Consumer<io.newsflow.ingest.discovery.RejectedLine>) r ->
                    System.err.printf("newsflow ingest: %s line %d skipped: %s%n", list, r.lineNumber(), r.reason());
            if ("-".equals(list)) {
                reader.read(System.in, accepted, rejected);
            } else {
                reader.read(Path.of(list), accepted, rejected);
            }
        }
    }

    private static void submit(PageIngest pages, List<CompletableFuture<Void>> pending, Set<String> seen, Discovered d) {
        // Within one run a URL is fetched once; across runs the enrich stage marks revisions.
        if (seen.add(d.url())) {
            pending.add(pages.submit(d));
        }
        // Finished futures are dropped as we go, so a source of 100,000 URLs keeps only those in flight.
        if (pending.size() >= 2 * PageIngest.DEFAULT_MAX_IN_FLIGHT) {
            dropFinished(pending);
        }
    }

    /** Drops finished futures; join() rethrows what a page's handling threw, so nothing fails silently. */
    private static void dropFinished(List<CompletableFuture<Void>> pending) {
        pending.removeIf(f -> {
            if (f.isDone()) {
                f.join();
                return true;
            }
            return false;
        });
    }

    private static FeedHints hints(FeedItem item) {
        return FeedHints.newBuilder().setTitle(item.title()).setPublished(item.published())
                .setAuthors(item.authors()).setSummary(item.summary()).setFeedTitle(item.feedTitle()).build();
    }

    /** Progress on stderr at most every two seconds: records, rate, errors. */
    private static final class Progress {
        private final long started = System.nanoTime();
        private long lastPrint;

        void tick(String what, long done, RawArticleSink sink) {
            long now = System.nanoTime();
            if (now - lastPrint < 2_000_000_000L) {
                return;
            }
            lastPrint = now;
            System.err.printf("newsflow ingest: %s: %d done, %d sent, %d dead letters, %.0f pages/s%n", what, done,
                    sink.sent(), sink.deadLetters(), sink.sent() / Math.max(0.001, seconds()));
        }

        /** Like tick, with an ETA from the share of the input done. */
        void eta(String what, long done, double share, RawArticleSink sink) {
            long now = System.nanoTime();
            if (now - lastPrint < 2_000_000_000L && share < 1.0) {
                return;
            }
            lastPrint = now;
            double elapsed = seconds();
            double remaining = share <= 0 ? Double.NaN : elapsed * (1 - share) / share;
            System.err.printf("newsflow ingest: %s: %d records, %.0f%%, %.0f records/s, %d dead letters, ETA %.0f s%n",
                    what, done, share * 100, done / Math.max(0.001, elapsed), sink.deadLetters(), remaining);
        }

        void note(String what, long count) {
            System.err.printf("newsflow ingest: %s: %d%n", what, count);
        }

        double seconds() {
            return (System.nanoTime() - started) / 1e9;
        }
    }
}
