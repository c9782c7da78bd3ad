package io.newsflow.ingest.service;

import io.newsflow.schemas.config.ServiceConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Everything an ingest run needs to know besides its Kafka producer: the sources, whether to
 * follow them, and the limits and intervals. Built from the configuration ({@link #fromConfig}),
 * with command-line flags on top ({@link #withCommandLine}).
 *
 * @param sources          where pages come from
 * @param follow           keep polling feeds and sitemaps and watching folders until stopped
 * @param refetch          fetch URLs again although the fetch-status topic says they were fetched
 * @param allowHosts       hosts, IPs or CIDRs (optionally {@code :PORT}) the SSRF guard lets through
 * @param userAgent        User-Agent to send, or null for the default
 * @param maxBytes         largest page body (lowered to what one record can carry)
 * @param sitemapMaxBytes  largest sitemap or feed document (decompressed); larger ones are cut and reported
 * @param maxInFlight      discovered pages waiting for their fetch, at most
 * @param maxHosts         hosts whose robots.txt and politeness state stay in memory
 * @param refetchAfter     age after which a fetched page is due again, or null for never
 * @param feedInterval     first poll interval of a followed feed
 * @param feedMinInterval  shortest adaptive feed interval
 * @param feedMaxInterval  longest adaptive feed interval
 * @param sitemapInterval  how often followed sitemaps are read again
 * @param dirScanInterval  how often watched folders are scanned
 * @param progressInterval how often progress is reported while there is work
 * @param kafka            the producer's client settings, used to read topics back (seen pages, WARC resumption)
 */
public record IngestOptions(Sources sources, boolean follow, boolean refetch, List<String> allowHosts,
                            String userAgent, long maxBytes, long sitemapMaxBytes, int maxInFlight, int maxHosts,
                            Duration refetchAfter, Duration feedInterval, Duration feedMinInterval,
                            Duration feedMaxInterval, Duration sitemapInterval, Duration dirScanInterval,
                            Duration progressInterval, Map<String, Object> kafka) {

    /** Copies the lists and checks the limits, so a bad value fails at start. */
    public IngestOptions {
        allowHosts = List.copyOf(allowHosts);
        kafka = Map.copyOf(kafka);
        if (maxBytes < 1 || sitemapMaxBytes < 1 || maxInFlight < 1 || maxHosts < 1) {
            throw new IllegalArgumentException("ingest limits must be positive: max-bytes=" + maxBytes
                    + " sitemap-max-bytes=" + sitemapMaxBytes + " max-in-flight=" + maxInFlight
                    + " max-hosts=" + maxHosts);
        }
    }

    /**
     * Where pages come from.
     *
     * @param dirs     page files and folders
     * @param urls     page URLs
     * @param urlLists files of page URLs ({@code -} for standard input)
     * @param feeds    RSS, Atom and JSON feeds
     * @param sitemaps sitemaps and sitemap indexes
     * @param sites    site roots whose robots.txt lists sitemaps
     * @param warcs    WARC archives to replay
     */
    public record Sources(List<Path> dirs, List<String> urls, List<String> urlLists, List<URI> feeds,
                          List<URI> sitemaps, List<URI> sites, List<Path> warcs) {

        /** Copies the lists. */
        public Sources {
            dirs = List.copyOf(dirs);
            urls = List.copyOf(urls);
            urlLists = List.copyOf(urlLists);
            feeds = List.copyOf(feeds);
            sitemaps = List.copyOf(sitemaps);
            sites = List.copyOf(sites);
            warcs = List.copyOf(warcs);
        }

        /** No source at all. */
        public static Sources none() {
            return new Sources(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        }

        /** These sources followed by {@code more}'s. */
        public Sources plus(Sources more) {
            return new Sources(join(dirs, more.dirs), join(urls, more.urls), join(urlLists, more.urlLists),
                    join(feeds, more.feeds), join(sitemaps, more.sitemaps), join(sites, more.sites),
                    join(warcs, more.warcs));
        }

        /** True if some pages are fetched from the web. */
        public boolean web() {
            return !urls.isEmpty() || !urlLists.isEmpty() || !feeds.isEmpty() || !sitemaps.isEmpty()
                    || !sites.isEmpty();
        }

        /** True if there is no source. */
        public boolean isEmpty() {
            return !web() && dirs.isEmpty() && warcs.isEmpty();
        }

        private static <T> List<T> join(List<T> a, List<T> b) {
            return Stream.concat(a.stream(), b.stream()).toList();
        }
    }

    /** The options the configuration gives (the {@code ingest.*} keys; defaults in ingest-defaults.properties). */
    public static IngestOptions fromConfig(ServiceConfig config) {
        Sources sources = new Sources(paths(config, "ingest.dirs"), config.getList("ingest.urls", List.of()),
                config.getList("ingest.url-lists", List.of()), uris(config, "ingest.feeds"),
                uris(config, "ingest.sitemaps"), uris(config, "ingest.sites"), paths(config, "ingest.warcs"));
        int refetchHours = config.getInt("ingest.refetch-after-hours", 0);
        return new IngestOptions(sources, config.getBoolean("ingest.follow", false), false, List.of(), null,
                config.getLong("ingest.max-bytes", 16_711_680L),
                config.getLong("ingest.sitemap-max-bytes", 50L * 1024 * 1024),
                config.getInt("ingest.max-in-flight", 4096), config.getInt("ingest.max-hosts", 100_000),
                refetchHours > 0 ? Duration.ofHours(refetchHours) : null,
                minutes(config, "ingest.feed-interval-minutes", 10),
                minutes(config, "ingest.feed-min-interval-minutes", 2),
                minutes(config, "ingest.feed-max-interval-minutes", 60),
                minutes(config, "ingest.sitemap-interval-minutes", 15),
                config.getSeconds("ingest.dir-scan-seconds", Duration.ofSeconds(2)),
                config.getSeconds("ingest.progress-seconds", Duration.ofSeconds(10)), config.kafka());
    }

    /**
     * These options with the command line's: its sources come first, then the configuration's;
     * {@code follow} null keeps the configured {@code ingest.follow}.
     */
    public IngestOptions withCommandLine(Sources first, Boolean follow, boolean refetch, List<String> allowHosts,
                                         String userAgent) {
        List<String> hosts = new ArrayList<>(allowHosts);
        return new IngestOptions(first.plus(sources), follow == null ? this.follow : follow, refetch, hosts,
                userAgent == null ? this.userAgent : userAgent, maxBytes, sitemapMaxBytes, maxInFlight, maxHosts,
                refetchAfter, feedInterval, feedMinInterval, feedMaxInterval, sitemapInterval, dirScanInterval,
                progressInterval, kafka);
    }

    /** A copy with other intervals for watched folders and progress lines (tests use short ones). */
    public IngestOptions withIntervals(Duration dirScan, Duration progress) {
        return new IngestOptions(sources, follow, refetch, allowHosts, userAgent, maxBytes, sitemapMaxBytes,
                maxInFlight, maxHosts, refetchAfter, feedInterval, feedMinInterval, feedMaxInterval, sitemapInterval,
                dirScan, progress, kafka);
    }

    private static List<Path> paths(ServiceConfig config, String key) {
        return config.getList(key, List.of()).stream().map(Path::of).toList();
    }

    private static List<URI> uris(ServiceConfig config, String key) {
        return config.getList(key, List.of()).stream().map(URI::create).toList();
    }

    private static Duration minutes(ServiceConfig config, String key, int fallback) {
        return Duration.ofMinutes(config.getInt(key, fallback));
    }
}
