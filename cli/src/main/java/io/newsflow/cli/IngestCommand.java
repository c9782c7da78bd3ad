package io.newsflow.cli;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.ingest.pipeline.SeenSet;
import io.newsflow.ingest.produce.RawArticleSink;
import io.newsflow.ingest.service.IngestOptions;
import io.newsflow.ingest.service.IngestService;
import io.newsflow.ingest.service.IngestSummary;
import io.newsflow.schemas.config.ServiceConfig;
import io.newsflow.schemas.serde.RegistrySerdeFactory;
import io.newsflow.schemas.topics.TopicNames;
import io.newsflow.schemas.topics.Topics;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Ingests pages into news.raw.v1 from files, URLs, URL lists, feeds, sitemaps and WARC archives. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Produce RawArticles to news.raw.v1 from files, URLs, URL lists, feeds, sitemaps and WARC files.")
final class IngestCommand implements Callable<Integer> {

    /** Ingest defaults resource. */
    static final String DEFAULTS = IngestService.DEFAULTS;

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

    @Option(names = "--follow", description = "Keep polling feeds and sitemaps and watching --dir folders for new files until Ctrl-C/SIGTERM.")
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

    /** The running service, so that {@link #stop()} (a test, or the shutdown hook) can stop it. */
    private volatile IngestService service;

    @Override
    public Integer call() throws InterruptedException {
        ServiceConfig config = connection.load(DEFAULTS);
        TopicNames names = TopicNames.fromConfig(config.asMap());
        if (Preflight.failed("ingest", config, List.of(names.raw(), names.fetchStatus(), names.deadLetters()), true)) {
            return 1;
        }
        IngestOptions options = IngestOptions.fromConfig(config).withCommandLine(
                new IngestOptions.Sources(dirs, urls, urlLists, feeds, sitemaps, sites, warcs),
                once ? Boolean.FALSE : follow ? Boolean.TRUE : null, refetch, allowHosts, userAgent);
        Topics topics = Topics.create(names, RegistrySerdeFactory.create(config.get("registry.url"), config.asMap()));
        try (ServiceMetrics metrics = ServiceMetrics.start(config, "ingest");
             RawArticleSink sink = new RawArticleSink(config.kafka(), topics)) {
            registerCounters(metrics.registry(), sink);
            service = new IngestService(options, sink, () -> SeenSet.load(config.kafka(), topics.fetchStatus(),
                    options.refetchAfter()), metrics.registry(), System.err, System.in);
            // SIGTERM (docker stop) and Ctrl-C: stop reading, let pages in flight finish, flush the producer.
            Thread hook = new Thread(this::stopAndWait, "ingest-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                IngestSummary summary = service.run();
                return summary.exitCode();
            } finally {
                removeHook(hook);
            }
        }
    }

    /** Stops a running ingest (as Ctrl-C does): it finishes what is in flight, flushes and returns. */
    void stop() {
        IngestService running = service;
        if (running != null) {
            running.stop();
        }
    }

    private void stopAndWait() {
        stop();
        try {
            service.awaitFinished(Duration.ofSeconds(40));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is shutting down: the hook is running and waits for this run, nothing to undo.
        }
    }

    private static void registerCounters(MeterRegistry registry, RawArticleSink sink) {
        FunctionCounter.builder("newsflow.ingest.records", sink, RawArticleSink::sent).tag("outcome", "sent")
                .register(registry);
        FunctionCounter.builder("newsflow.ingest.records", sink, RawArticleSink::deadLetters)
                .tag("outcome", "dead-letter").register(registry);
        FunctionCounter.builder("newsflow.ingest.records", sink, RawArticleSink::failed).tag("outcome", "failed")
                .register(registry);
        FunctionCounter.builder("newsflow.ingest.records", sink, RawArticleSink::cutToFit)
                .tag("outcome", "cut-to-fit").register(registry);
        FunctionCounter.builder("newsflow.ingest.records", sink, RawArticleSink::tooLarge)
                .tag("outcome", "too-large").register(registry);
    }
}
