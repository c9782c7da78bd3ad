package io.newsflow.ingest.sources;

import static io.newsflow.ingest.fetch.LoopbackServer.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.ingest.discovery.UrlListReader;
import io.newsflow.ingest.feeds.FeedPoller;
import io.newsflow.ingest.feeds.FeedReader;
import io.newsflow.ingest.fetch.FetchOptions;
import io.newsflow.ingest.fetch.HttpFetcher;
import io.newsflow.ingest.fetch.LoopbackServer;
import io.newsflow.ingest.security.SsrfGuard;
import io.newsflow.ingest.sitemaps.SitemapReader;
import io.newsflow.ingest.url.UrlCanonicalizer;
import io.newsflow.schemas.avro.SourceKind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebSourcesTest {

    @TempDir
    Path dir;

    private final LoopbackServer server = LoopbackServer.start();
    private final FetchOptions options = FetchOptions.defaults().withHtmlOnly(false)
            .withRetries(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    private final HttpFetcher allowed = new HttpFetcher(options.withSsrfGuard(SsrfGuard.allowing(List.of("127.0.0.1"))));
    private final HttpFetcher guarded = new HttpFetcher(options);
    private final RecordingContext context = new RecordingContext();

    @AfterEach
    void close() {
        allowed.close();
        guarded.close();
        server.close();
    }

    @Test
    void urlsAreQueuedOnceAsCommandLineUrls() {
        UrlSource urls = new UrlSource(List.of("https://example.com/a", "https://example.com/b"));
        assertThat(urls.read(context)).isEmpty();
        assertThat(context.discovered).extracting(d -> d.url()).containsExactly("https://example.com/a",
                "https://example.com/b");
        assertThat(context.discovered).allSatisfy(d -> assertThat(d.kind()).isEqualTo(SourceKind.URL));
    }

    @Test
    void urlListQueuesItsUrlsAndSaysWhichLinesItSkipped() throws IOException {
        Path list = Files.writeString(dir.resolve("urls.txt"), "https://example.com/a\nnot a url\n",
                StandardCharsets.UTF_8);
        new UrlListSource(list.toString(), new UrlListReader(new UrlCanonicalizer()), InputStreamOf.empty())
                .read(context);
        assertThat(context.discovered).singleElement().satisfies(d -> assertThat(d.url()).isEqualTo("https://example.com/a"));
        assertThat(context.lines).singleElement().satisfies(l -> assertThat(l).contains("line 2 skipped"));
    }

    @Test
    void urlListReadsStandardInputForADash() {
        new UrlListSource("-", new UrlListReader(new UrlCanonicalizer()),
                new ByteArrayInputStream("https://example.com/x\n".getBytes(StandardCharsets.UTF_8))).read(context);
        assertThat(context.discovered).singleElement().satisfies(d -> assertThat(d.url()).isEqualTo("https://example.com/x"));
    }

    @Test
    void missingUrlListIsAFailedSource() {
        new UrlListSource(dir.resolve("none.txt").toString(), new UrlListReader(new UrlCanonicalizer()),
                InputStreamOf.empty()).read(context);
        assertThat(context.failures).singleElement().satisfies(f -> assertThat(f).contains("cannot read"));
    }

    @Test
    void feedItemsAreQueuedWithHintsAndAFollowedFeedAsksToBeReadAgain() {
        server.route("/feed.xml", text(200, "application/rss+xml", """
                <?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>T</title>
                <link>https://example.com/</link><description>d</description>
                <item><title>One</title><link>https://example.com/news/1</link></item></channel></rss>"""));
        FeedSource feed = new FeedSource(server.uri("/feed.xml"), poller(allowed), true, Clock.systemUTC());
        assertThat(feed.read(context)).isPresent();
        assertThat(context.discovered).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(SourceKind.FEED);
            assertThat(d.hints().getTitle()).isEqualTo("One");
        });
    }

    @Test
    void feedOnAHostTheSsrfGuardRefusesSaysHowToAllowIt() {
        URI feed = server.uri("/feed.xml");
        new FeedSource(feed, poller(guarded), false, Clock.systemUTC()).read(context);
        assertThat(context.failures).singleElement().satisfies(f -> assertThat(f)
                .contains("BLOCKED").contains("--allow-host 127.0.0.1:" + feed.getPort()));
    }

    @Test
    void cutSitemapIsAWarningNamingItAndTheUrlsRead() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">");
        for (int i = 0; i < 1000; i++) {
            xml.append("<url><loc>https://example.com/n/").append(i).append("</loc></url>\n");
        }
        server.route("/sitemap.xml", text(200, "application/xml", xml.append("</urlset>").toString()));
        HttpFetcher small = new HttpFetcher(options.withSsrfGuard(SsrfGuard.allowing(List.of("127.0.0.1")))
                .withMaxBodyBytes(10_000));
        SitemapSource.sitemap(server.uri("/sitemap.xml"), SitemapReader.withDefaults(small, 10_000), null,
                Clock.systemUTC()).read(context);
        small.close();
        assertThat(context.lines).anySatisfy(l -> assertThat(l).contains("sitemap " + server.uri("/sitemap.xml"))
                .contains("larger than").contains(context.discovered.size() + " URLs read")
                .contains("ingest.sitemap-max-bytes"));
        assertThat(context.discovered).isNotEmpty().hasSizeLessThan(1000);
    }

    @Test
    void siteWithoutSitemapsInRobotsTxtIsAFailedSourceThatNamesTheFix() {
        server.route("/robots.txt", text(200, "text/plain", "User-agent: *\nAllow: /\n"));
        SitemapSource.site(server.uri("/"), SitemapReader.withDefaults(allowed), null, Clock.systemUTC()).read(context);
        assertThat(context.failures).singleElement().satisfies(f -> assertThat(f).contains("--sitemap"));
    }

    private static FeedPoller poller(HttpFetcher fetcher) {
        return new FeedPoller(fetcher, new FeedReader(), Duration.ofMinutes(10), Duration.ofMinutes(2),
                Duration.ofMinutes(60), Duration.ofHours(6), Clock.systemUTC());
    }

    /** An empty standard input. */
    private static final class InputStreamOf {
        static ByteArrayInputStream empty() {
            return new ByteArrayInputStream(new byte[0]);
        }
    }
}
