package io.newsflow.ingest.sitemaps;

import static io.newsflow.ingest.fetch.LoopbackServer.respond;
import static io.newsflow.ingest.fetch.LoopbackServer.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpHandler;
import io.newsflow.ingest.discovery.SourceKind;
import io.newsflow.ingest.fetch.FetchOptions;
import io.newsflow.ingest.fetch.HttpFetcher;
import io.newsflow.ingest.fetch.LoopbackServer;
import io.newsflow.ingest.security.SsrfGuard;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SitemapReaderTest {

    private final LoopbackServer server = LoopbackServer.start();
    private final String base = server.uri("").toString();
    private final HttpFetcher fetcher = new HttpFetcher(FetchOptions.defaults()
            .withSsrfGuard(SsrfGuard.allowing(List.of("127.0.0.0/8")))
            .withHtmlOnly(false)
            .withRetries(1, Duration.ZERO, Duration.ZERO, Duration.ZERO));
    private final SitemapReader reader = SitemapReader.withDefaults(fetcher);

    @AfterEach
    void stop() {
        fetcher.close();
        server.close();
    }

    private String fixture(String name) {
        try (InputStream in = getClass().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{BASE}", base);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void serveXml(String path, String fixture) {
        server.route(path, text(200, "application/xml", fixture(fixture)));
    }

    @Test
    void readsGoogleNewsSitemapWithTitleAndPublicationDate() {
        serveXml("/news-sitemap.xml", "news-sitemap.xml");
        SitemapResult r = reader.read(server.uri("/news-sitemap.xml"));
        assertThat(r.failures()).isEmpty();
        assertThat(r.entries()).hasSize(2);
        SitemapEntry first = r.entries().get(0);
        assertThat(first.url()).isEqualTo(base + "/2026/11/25/election-results");
        assertThat(first.title()).isEqualTo("Election results: a narrow win");
        assertThat(first.published()).isEqualTo(Instant.parse("2026-11-25T07:15:00Z"));
        assertThat(first.sourceKind()).isEqualTo(SourceKind.SITEMAP);
        assertThat(r.entries().get(1).lastModified()).isEqualTo(Instant.parse("2026-11-25T08:00:00Z"));
    }

    @Test
    void walksNestedIndexesIncludingGzipAndRecordsFailuresAndCycles() {
        serveXml("/index.xml", "index.xml");
        serveXml("/nested-index.xml", "nested-index.xml");
        serveXml("/news-sitemap.xml", "news-sitemap.xml");
        byte[] gz = LoopbackServer.gzip(fixture("archive.xml").getBytes(StandardCharsets.UTF_8));
        server.route("/archive.xml.gz", ex -> respond(ex, 200, "application/x-gzip", gz));
        SitemapResult r = reader.read(server.uri("/index.xml"));
        assertThat(r.entries()).extracting(SitemapEntry::url).containsExactly(
                base + "/2026/11/25/election-results", base + "/2026/11/25/markets", base + "/2019/01/01/old-story");
        assertThat(r.failures()).singleElement().satisfies(f -> {
            assertThat(f.sitemap()).isEqualTo(server.uri("/missing.xml"));
            assertThat(f.reason()).contains("HTTP_ERROR");
        });
        assertThat(server.hits("/index.xml")).isEqualTo(1);
        assertThat(r.sitemapsRead()).isEqualTo(5);
    }

    /** As a crawl that follows sitemaps reads them: again and again, fetching in full only what changed. */
    @Test
    void readingAgainFetchesOnlyChangedDocumentsAndStillChecksTheChildrenOfAnUnchangedIndex() {
        String index = "<?xml version=\"1.0\"?><sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                + "<sitemap><loc>" + base + "/news.xml</loc></sitemap></sitemapindex>";
        AtomicReference<String> news = new AtomicReference<>(urlset("a"));
        AtomicInteger full = new AtomicInteger();
        server.route("/index.xml", conditional("\"i1\"", () -> index, full));
        server.route("/news.xml", conditional(null, news::get, full));
        SitemapResult first = reader.read(server.uri("/index.xml"));
        assertThat(first.entries()).extracting(SitemapEntry::url).containsExactly(base + "/a");
        assertThat(full.get()).isEqualTo(2);

        SitemapResult unchanged = reader.read(server.uri("/index.xml"));
        assertThat(unchanged.entries()).isEmpty();
        assertThat(unchanged.notModified()).isEqualTo(2);
        assertThat(full.get()).isEqualTo(2);

        news.set(urlset("a", "b"));
        SitemapResult changed = reader.read(server.uri("/index.xml"));
        assertThat(changed.entries()).extracting(SitemapEntry::url).containsExactly(base + "/a", base + "/b");
        assertThat(changed.notModified()).isEqualTo(1);
        assertThat(full.get()).isEqualTo(3);
    }

    private String urlset(String... paths) {
        StringBuilder xml = new StringBuilder(
                "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">");
        for (String p : paths) {
            xml.append("<url><loc>").append(base).append('/').append(p).append("</loc></url>");
        }
        return xml.append("</urlset>").toString();
    }

    /**
     * Serves {@code body} with an ETag ({@code etag}, or one derived from the body) and answers 304 to a
     * request that names it; counts the full responses in {@code full}.
     */
    private static HttpHandler conditional(String etag, Supplier<String> body, AtomicInteger full) {
        return ex -> {
            String content = body.get();
            String tag = etag != null ? etag : "\"" + Integer.toHexString(content.hashCode()) + "\"";
            if (tag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                ex.sendResponseHeaders(304, -1);
                ex.close();
                return;
            }
            full.incrementAndGet();
            ex.getResponseHeaders().add("ETag", tag);
            respond(ex, 200, "application/xml", content.getBytes(StandardCharsets.UTF_8));
        };
    }

    @Test
    void stopsAtTheDepthLimit() {
        serveXml("/index.xml", "index.xml");
        serveXml("/news-sitemap.xml", "news-sitemap.xml");
        serveXml("/nested-index.xml", "nested-index.xml");
        SitemapResult r = new SitemapReader(fetcher, 1, 100, 100).read(server.uri("/index.xml"));
        assertThat(r.limitReached()).isTrue();
        assertThat(server.hits("/archive.xml.gz")).isZero();
    }

    @Test
    void stopsAtTheUrlLimit() {
        serveXml("/news-sitemap.xml", "news-sitemap.xml");
        SitemapResult r = new SitemapReader(fetcher, 3, 100, 1).read(server.uri("/news-sitemap.xml"));
        assertThat(r.entries()).hasSize(1);
        assertThat(r.limitReached()).isTrue();
    }

    @Test
    void readsTextSitemaps() {
        server.route("/urls.txt", text(200, "text/plain", base + "/a\n" + base + "/b\n"));
        SitemapResult r = reader.read(server.uri("/urls.txt"));
        assertThat(r.entries()).extracting(SitemapEntry::url).containsExactly(base + "/a", base + "/b");
    }

    @Test
    void readsAFeedGivenAsSitemapByLookingAtTheContent() {
        String rss = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title><link>" + base
                + "</link><description>d</description><item><title>Hello</title><link>" + base
                + "/hello</link></item></channel></rss>";
        server.route("/sitemap.xml", text(200, "application/xml", rss));
        SitemapResult r = reader.read(server.uri("/sitemap.xml"));
        assertThat(r.entries()).singleElement().satisfies(e -> {
            assertThat(e.url()).isEqualTo(base + "/hello");
            assertThat(e.title()).isEqualTo("Hello");
            assertThat(e.sourceKind()).isEqualTo(SourceKind.RSS);
        });
    }

    @Test
    void refusesSitemapWithExternalEntity() {
        server.route("/secret", text(200, "text/plain", "secret"));
        serveXml("/xxe.xml", "xxe-sitemap.xml");
        SitemapResult r = reader.read(server.uri("/xxe.xml"));
        assertThat(r.entries()).isEmpty();
        assertThat(r.failures()).hasSize(1);
        assertThat(server.hits("/secret")).isZero();
    }

    @Test
    void reportsHtmlAsNeitherSitemapNorFeed() {
        server.route("/page", text(200, "text/html", "<html><body>x</body></html>"));
        assertThat(reader.read(server.uri("/page")).failures()).singleElement()
                .satisfies(f -> assertThat(f.reason()).contains("HTML"));
    }

    @Test
    void refusesGzipBombSitemap() {
        byte[] bomb = LoopbackServer.gzip(new byte[60 * 1024 * 1024]);
        server.route("/bomb.xml.gz", ex -> respond(ex, 200, "application/x-gzip", bomb));
        SitemapResult r = reader.read(server.uri("/bomb.xml.gz"));
        assertThat(r.failures()).singleElement().satisfies(f -> assertThat(f.reason()).contains("larger than"));
    }

    @Test
    void sitemapOverTheFetchersCapIsReadUpToItAndReportedAsCutWithTheUrlsRead() {
        server.route("/big.xml", text(200, "application/xml", urlset(2_000)));
        HttpFetcher small = new HttpFetcher(FetchOptions.defaults().withSsrfGuard(SsrfGuard.allowing(List.of("127.0.0.1")))
                .withHtmlOnly(false).withMaxBodyBytes(20_000));
        SitemapResult r = SitemapReader.withDefaults(small, 20_000).read(server.uri("/big.xml"));
        small.close();
        assertThat(r.cut()).singleElement().satisfies(c -> {
            assertThat(c.sitemap()).isEqualTo(server.uri("/big.xml"));
            assertThat(c.urlsRead()).isPositive().isLessThan(2_000).isEqualTo(r.entries().size());
        });
        assertThat(r.failures()).isEmpty();
    }

    @Test
    void gzippedSitemapOverTheCapIsReadUpToItAndReportedAsCut() {
        byte[] gz = LoopbackServer.gzip(urlset(2_000).getBytes(StandardCharsets.UTF_8));
        server.route("/big.xml.gz", ex -> respond(ex, 200, "application/x-gzip", gz));
        SitemapResult r = SitemapReader.withDefaults(fetcher, 20_000).read(server.uri("/big.xml.gz"));
        assertThat(r.cut()).singleElement().satisfies(c -> {
            assertThat(c.maxBytes()).isEqualTo(20_000);
            assertThat(c.urlsRead()).isPositive().isLessThan(2_000);
        });
    }

    @Test
    void sitemapUnderTheCapIsNotReportedAsCut() {
        server.route("/small.xml", text(200, "application/xml", urlset(10)));
        SitemapResult r = reader.read(server.uri("/small.xml"));
        assertThat(r.cut()).isEmpty();
        assertThat(r.entries()).hasSize(10);
    }

    private String urlset(int urls) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">");
        for (int i = 0; i < urls; i++) {
            xml.append("<url><loc>").append(base).append("/news/").append(i).append("</loc></url>\n");
        }
        return xml.append("</urlset>").toString();
    }

    @Test
    void discoversSitemapsFromRobotsTxt() {
        server.route("/robots.txt", text(200, "text/plain",
                "User-agent: *\nDisallow: /admin\nSitemap: " + base + "/news-sitemap.xml\nSitemap: " + base + "/index.xml\n"));
        assertThat(reader.discover(server.uri("/"))).containsExactly(server.uri("/news-sitemap.xml"), server.uri("/index.xml"));
    }

    @Test
    void discoversNothingWhenRobotsTxtIsMissing() {
        assertThat(reader.discover(server.uri("/"))).isEmpty();
    }
}
