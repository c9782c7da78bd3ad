package io.newsflow.ingest.sources;

import io.newsflow.ingest.pipeline.Discovered;
import io.newsflow.ingest.sitemaps.SitemapEntry;
import io.newsflow.ingest.sitemaps.SitemapReader;
import io.newsflow.ingest.sitemaps.SitemapResult;
import io.newsflow.schemas.avro.FeedHints;
import io.newsflow.schemas.avro.SourceKind;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A sitemap (index, Google News sitemap, or a feed given as one), or a site whose robots.txt lists
 * its sitemaps. When followed it is read again every interval; the shared {@link SitemapReader}
 * remembers validators, so only documents that changed are fetched in full.
 */
public final class SitemapSource implements Source {

    private final URI location;
    private final boolean site;
    private final SitemapReader reader;
    private final Duration interval;
    private final Clock clock;
    private List<URI> sitemaps;

    private SitemapSource(URI location, boolean site, SitemapReader reader, Duration interval, Clock clock) {
        this.location = location;
        this.site = site;
        this.reader = reader;
        this.interval = interval;
        this.clock = clock;
        this.sitemaps = site ? null : List.of(location);
    }

    /** A sitemap read once ({@code interval} null) or every {@code interval}. */
    public static SitemapSource sitemap(URI sitemap, SitemapReader reader, Duration interval, Clock clock) {
        return new SitemapSource(sitemap, false, reader, interval, clock);
    }

    /** A site whose robots.txt names its sitemaps (looked up at the first read), read once or every interval. */
    public static SitemapSource site(URI site, SitemapReader reader, Duration interval, Clock clock) {
        return new SitemapSource(site, true, reader, interval, clock);
    }

    @Override
    public String name() {
        return (site ? "site " : "sitemap ") + location;
    }

    @Override
    public boolean web() {
        return true;
    }

    @Override
    public Optional<Instant> read(SourceContext context) {
        if (sitemaps == null) {
            sitemaps = reader.discover(location);
            context.say(String.format(Locale.ROOT, "%s declares %d sitemaps in robots.txt", location, sitemaps.size()));
            if (sitemaps.isEmpty()) {
                context.failed(this, "site " + location + " lists no sitemap in its robots.txt (or it could not "
                        + "be fetched); give its sitemaps with --sitemap");
            }
        }
        for (URI sitemap : sitemaps) {
            if (context.stopping()) {
                break;
            }
            report(sitemap, reader.read(sitemap), context);
        }
        return interval == null ? Optional.empty() : Optional.of(clock.instant().plus(interval));
    }

    /** Says what failed or was cut, and queues the URLs found (with Google News hints). */
    private void report(URI sitemap, SitemapResult result, SourceContext context) {
        for (SitemapResult.Failure f : result.failures()) {
            context.failed(this, "sitemap " + f.sitemap() + " failed: " + SsrfHint.explain(f.reason(), f.sitemap()));
        }
        for (SitemapResult.Cut cut : result.cut()) {
            context.say(String.format(Locale.ROOT, "WARNING: sitemap %s is larger than %d bytes: cut there, %d URLs "
                    + "read from it and the rest lost (raise ingest.sitemap-max-bytes)", cut.sitemap(),
                    cut.maxBytes(), cut.urlsRead()));
        }
        if (result.limitReached()) {
            context.say("sitemap " + sitemap + " cut at a depth, document or URL limit");
        }
        for (SitemapEntry e : result.entries()) {
            if (context.stopping()) {
                return;
            }
            FeedHints hints = e.title() == null && e.published() == null ? null
                    : FeedHints.newBuilder().setTitle(e.title()).setPublished(e.published()).build();
            context.discovered(new Discovered(e.url(), hints, SourceKind.SITEMAP, sitemap.toString()));
        }
    }
}
