package io.newsflow.ingest.pipeline;

import static io.newsflow.ingest.fetch.LoopbackServer.redirect;
import static io.newsflow.ingest.fetch.LoopbackServer.respond;
import static io.newsflow.ingest.fetch.LoopbackServer.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.ingest.feeds.FeedPoller;
import io.newsflow.ingest.feeds.FeedReader;
import io.newsflow.ingest.feeds.PollResult;
import io.newsflow.ingest.fetch.FetchOptions;
import io.newsflow.ingest.fetch.HttpFetcher;
import io.newsflow.ingest.fetch.LoopbackServer;
import io.newsflow.ingest.security.SsrfGuard;
import io.newsflow.ingest.sitemaps.SitemapEntry;
import io.newsflow.ingest.sitemaps.SitemapReader;
import io.newsflow.ingest.sitemaps.SitemapResult;
import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.avro.FetchOutcome;
import io.newsflow.schemas.avro.SourceKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A bad-input corpus for HTTP ingest: each case is a hostile loopback server (or a hostile URL)
 * fed through the real ingest path, with the outcome it must end in: the fetch-status record's
 * status and reason, and whether it is also a dead letter (real failures) or not (expected
 * outcomes). In every case nothing reaches the trap server standing for an internal service.
 * Cases whose mechanics are tested elsewhere name that test in their comment.
 */
class HostileServerTest {

    private static final FetchOptions BASE = FetchOptions.defaults()
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2))
            .withRetries(2, Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofSeconds(2))
            .withMaxBodyBytes(4L * 1024 * 1024);

    private static final String LONG_PATH = "/long/" + "a".repeat(10_000);

    private final LoopbackServer server = LoopbackServer.start();
    private final LoopbackServer trap = LoopbackServer.start().route("/", text(200, "text/html", "<p>internal</p>"));
    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
        server.close();
        trap.close();
    }

    /** What a case serves and asks ingest to fetch; {@code allow} are extra host:port entries for the guard. */
    record Target(String url, List<String> allow) {
        static Target of(String url) {
            return new Target(url, List.of());
        }
    }

    /** Sets up a case on the hostile server (and maybe its own raw server) and names the URL to ingest. */
    interface Setup {
        Target on(HostileServerTest t);
    }

    /**
     * One corpus case.
     *
     * @param status     the fetch status recorded, or null when the URL has no id (refused before fetching)
     * @param reason     a fragment the status or dead-letter reason must contain
     * @param deadLetter whether a dead letter must be written too
     */
    record Case(String name, Setup setup, String status, String reason, boolean deadLetter) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> corpus() {
        return Stream.of(
                // Redirect mechanics: HttpFetcherTest.stopsRedirectLoop / stopsRedirectChainLongerThanLimit.
                new Case("redirect loop", t -> t.serve("/a", redirect(302, "/b")).serve("/b", redirect(302, "/a"))
                        .target("/a"), "TOO_MANY_REDIRECTS", "redirect loop", true),
                new Case("redirect to itself", t -> t.serve("/self", redirect(301, "/self")).target("/self"),
                        "TOO_MANY_REDIRECTS", "redirect loop", true),
                new Case("redirect chain over the limit", HostileServerTest::longChain, "TOO_MANY_REDIRECTS",
                        "more than 5 redirects", true),
                // Every redirect hop is vetted: HttpFetcherTest.blocksRedirectHopToMetadataAddress.
                new Case("redirect to loopback, another port", t -> t.redirectTo("http://127.0.0.1:" + t.trapPort() + "/"),
                        "BLOCKED", "address refused", false),
                new Case("redirect to localhost by name", t -> t.redirectTo("http://localhost:" + t.trapPort() + "/"),
                        "BLOCKED", "host name refused", false),
                new Case("redirect to a private address", t -> t.redirectTo("http://10.0.0.1/admin"),
                        "BLOCKED", "address refused", false),
                new Case("redirect to the metadata address", t -> t.redirectTo("http://169.254.169.254/latest/meta-data/"),
                        "BLOCKED", "address refused", false),
                new Case("redirect to the metadata host name", t -> t.redirectTo("http://metadata.google.internal/"),
                        "BLOCKED", "host name refused", false),
                new Case("redirect to IPv6 loopback", t -> t.redirectTo("http://[::1]:" + t.trapPort() + "/"),
                        "BLOCKED", "address refused", false),
                new Case("redirect to IPv4-mapped IPv6 loopback",
                        t -> t.redirectTo("http://[::ffff:127.0.0.1]:" + t.trapPort() + "/"), "BLOCKED", "refused", false),
                new Case("redirect to a decimal IP", t -> t.redirectTo("http://2130706433:" + t.trapPort() + "/"),
                        "BLOCKED", "address refused", false),
                new Case("redirect to a hex IP", t -> t.redirectTo("http://0x7f.0.0.1:" + t.trapPort() + "/"),
                        "BLOCKED", "missing host", false),
                new Case("redirect to file://", t -> t.redirectTo("file:///etc/passwd"),
                        "BLOCKED", "scheme not allowed", false),
                new Case("octal IP as the URL itself", t -> Target.of("http://0177.0.0.1:" + t.trapPort() + "/"),
                        "BLOCKED", "address refused", false),
                // Bodies. Text bombs are cut to fit: PageIngestTest.decompressionBombIsCutToARecordThatFitsTheProducerLimit.
                new Case("gzip bomb of zeros", t -> t.bomb("gzip"), "NOT_HTML", "control bytes", false),
                new Case("deflate bomb of zeros", t -> t.bomb("deflate"), "NOT_HTML", "control bytes", false),
                // Mechanics: HttpFetcherTest.cutsBodyThatTricklesForever.
                new Case("endless slow body", t -> t.serve("/slow", HostileServerTest::trickle).target("/slow"),
                        "NETWORK_ERROR", "not complete within", true),
                new Case("Content-Length longer than the body", HostileServerTest::lengthTooLong,
                        "NETWORK_ERROR", "body ended after 21 of 100000 bytes", true),
                new Case("Content-Length shorter than the body", HostileServerTest::lengthTooShort, "OK", null, false),
                // Mechanics: HttpFetcherTest.givesUpWhenRetryAfterExceedsCap.
                new Case("huge Retry-After", t -> t.serve("/busy", ex -> {
                    ex.getResponseHeaders().add("Retry-After", "999999999");
                    respond(ex, 503, "text/html", "busy".getBytes(StandardCharsets.UTF_8));
                }).target("/busy"), "HTTP_ERROR", "exceeds cap", true),
                new Case("header flood", HostileServerTest::headerFlood, "NETWORK_ERROR", "Header size too big", true),
                // Mechanics: HttpFetcherTest.rejectsNonHtmlWithoutReadingTheBody.
                new Case("PDF content type", t -> t.serve("/doc.pdf", text(200, "application/pdf", "%PDF-1.7"))
                        .target("/doc.pdf"), "NOT_HTML", "application/pdf", false),
                new Case("no content type", t -> t.serve("/none", ex -> respond(ex, 200, null, "<p>x</p>".getBytes(
                        StandardCharsets.UTF_8))).target("/none"), "NOT_HTML", "content type null", false),
                new Case("zip declared as HTML", t -> t.serve("/z.html", ex -> respond(ex, 200, "text/html", zip()))
                        .target("/z.html"), "NOT_HTML", "zip archive", false),
                new Case("10,000-character URL", t -> t.serve(LONG_PATH, text(200, "text/html", "<p>long</p>"))
                        .target(LONG_PATH), "OK", null, false),
                new Case("URL with a space in the host", t -> Target.of("http://exa mple.com/"), null,
                        "not a fetchable http(s) URL", true),
                new Case("javascript: URL", t -> Target.of("javascript:alert(1)"), null, "not an absolute URL", true),
                new Case("URL whose host ends in a non-IPv4 number", t -> Target.of("http://447a.0/"), null,
                        "bad IPv4 host", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void endsEachHostileResponseInItsExpectedOutcome(Case c) {
        Target target = c.setup().on(this);
        List<String> allow = new ArrayList<>(target.allow());
        allow.add(hostPort(server.uri("/")));
        IngestHarness h = new IngestHarness(2 * 1024 * 1024, BASE.withSsrfGuard(SsrfGuard.allowing(allow)));
        closing.add(h);
        h.ingest(target.url());
        List<FetchOutcome> statuses = h.statuses();
        List<DeadLetter> letters = h.deadLetters();
        if (c.status() == null) {
            assertThat(statuses).isEmpty();
        } else {
            assertThat(statuses).singleElement().satisfies(s -> {
                assertThat(s.getStatus()).isEqualTo(c.status());
                if (c.reason() != null && !c.deadLetter()) {
                    assertThat(s.getReason()).contains(c.reason());
                }
            });
        }
        assertThat(letters).hasSize(c.deadLetter() ? 1 : 0);
        letters.forEach(d -> assertThat(d.getReason()).contains(c.reason()));
        assertThat(trap.hits("/")).as("requests that reached the trap").isZero();
    }

    /** Mechanics of cycles: SitemapReaderTest.walksNestedIndexesIncludingGzipAndRecordsFailuresAndCycles. */
    @Test
    void readsASelfReferencingSitemapIndexOnce() {
        String self = server.uri("/index.xml").toString();
        serve("/index.xml", text(200, "application/xml", "<?xml version=\"1.0\"?><sitemapindex "
                + "xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><sitemap><loc>" + self + "</loc></sitemap>"
                + "<sitemap><loc>" + server.uri("/news.xml") + "</loc></sitemap></sitemapindex>"));
        serve("/news.xml", text(200, "application/xml", urlset(3)));
        SitemapResult r = sitemaps().read(server.uri("/index.xml"));
        assertThat(r.entries()).hasSize(3);
        assertThat(server.hits("/index.xml")).isEqualTo(1);
    }

    /** As reported: 100,000 robots-denied URLs from one sitemap were 100,000 dead letters. */
    @Test
    void turnsAHundredThousandUrlSitemapOfRobotsDeniedPagesIntoStatusesOnly() throws Exception {
        serve("/robots.txt", text(200, "text/plain", "User-agent: *\nDisallow: /\n"));
        serve("/big.xml", text(200, "application/xml", urlset(100_000)));
        SitemapResult r = sitemaps().read(server.uri("/big.xml"));
        assertThat(r.entries()).hasSize(100_000);
        IngestHarness h = new IngestHarness(2 * 1024 * 1024,
                BASE.withSsrfGuard(SsrfGuard.allowing(List.of(hostPort(server.uri("/"))))));
        closing.add(h);
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        for (SitemapEntry e : r.entries()) {
            pending.add(h.ingest.submit(new Discovered(e.url(), null, SourceKind.SITEMAP, "big.xml")));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
        assertThat(h.statuses()).hasSize(100_000).allSatisfy(s -> assertThat(s.getStatus()).isEqualTo("ROBOTS_DENIED"));
        assertThat(h.deadLetters()).isEmpty();
        assertThat(h.ingest.expectedOutcomes()).isEqualTo(100_000);
    }

    /** Mechanics of entity refusal: FeedReaderTest.refusesBillionLaughsQuickly; XXE over HTTP: FeedPollerTest. */
    @Test
    void failsABillionLaughsFeedServedOverHttp() throws IOException {
        byte[] laughs;
        try (var in = getClass().getResourceAsStream("/io/newsflow/ingest/feeds/billion-laughs.xml")) {
            laughs = in.readAllBytes();
        }
        serve("/feed.xml", ex -> respond(ex, 200, "application/rss+xml", laughs));
        try (HttpFetcher xml = new HttpFetcher(BASE.withHtmlOnly(false)
                .withSsrfGuard(SsrfGuard.allowing(List.of(hostPort(server.uri("/"))))))) {
            FeedPoller poller = new FeedPoller(xml, new FeedReader(), Duration.ofMinutes(10), Duration.ofHours(1),
                    Clock.systemUTC());
            PollResult result = poller.poll(server.uri("/feed.xml"));
            assertThat(result.status()).isEqualTo(PollResult.Status.FAILED);
            assertThat(result.reason()).containsIgnoringCase("doctype");
            assertThat(result.items()).isEmpty();
        }
    }

    // --- case set-ups ---

    private HostileServerTest serve(String path, com.sun.net.httpserver.HttpHandler handler) {
        server.route(path, handler);
        return this;
    }

    private Target target(String path) {
        return Target.of(server.uri(path).toString());
    }

    private Target redirectTo(String location) {
        return serve("/go", redirect(302, location)).target("/go");
    }

    private int trapPort() {
        return trap.uri("/").getPort();
    }

    private static Target longChain(HostileServerTest t) {
        for (int i = 0; i < 10; i++) {
            t.serve("/r" + i, redirect(302, "/r" + (i + 1)));
        }
        return t.target("/r0");
    }

    private Target bomb(String encoding) {
        byte[] zeros = compress(encoding, new byte[64 * 1024 * 1024]);
        return serve("/bomb", ex -> {
            ex.getResponseHeaders().add("Content-Encoding", encoding);
            respond(ex, 200, "text/html", zeros);
        }).target("/bomb");
    }

    private static void trickle(com.sun.net.httpserver.HttpExchange ex) throws IOException {
        ex.getResponseHeaders().add("Content-Type", "text/html");
        ex.sendResponseHeaders(200, 0);
        try (OutputStream out = ex.getResponseBody()) {
            for (int i = 0; i < 1200; i++) {
                out.write('x');
                out.flush();
                Thread.sleep(50);
            }
        } catch (InterruptedException | IOException e) {
            // the client gave up: expected
        }
    }

    private Target raw(String head, byte[] body) {
        RawResponseServer raw = RawResponseServer.answering(head, body);
        closing.add(raw);
        return new Target(raw.uri("/page").toString(), List.of(raw.hostPort()));
    }

    private static Target lengthTooLong(HostileServerTest t) {
        return t.raw("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\nConnection: close\r\n\r\n",
                "<p>only this much</p>".getBytes(StandardCharsets.UTF_8));
    }

    private static Target lengthTooShort(HostileServerTest t) {
        return t.raw("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 12\r\nConnection: close\r\n\r\n",
                "<p>first</p><p>and a lot more that was never declared</p>".getBytes(StandardCharsets.UTF_8));
    }

    private static Target headerFlood(HostileServerTest t) {
        StringBuilder head = new StringBuilder("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n");
        for (int i = 0; i < 50_000; i++) {
            head.append("X-Flood-").append(i).append(": ").append("v".repeat(20)).append("\r\n");
        }
        head.append("Content-Length: 8\r\nConnection: close\r\n\r\n");
        return t.raw(head.toString(), "<p>x</p>".getBytes(StandardCharsets.UTF_8));
    }

    private SitemapReader sitemaps() {
        HttpFetcher xml = new HttpFetcher(BASE.withHtmlOnly(false).withMaxBodyBytes(50L * 1024 * 1024)
                .withSsrfGuard(SsrfGuard.allowing(List.of(hostPort(server.uri("/"))))));
        closing.add(xml);
        return SitemapReader.withDefaults(xml);
    }

    private String urlset(int n) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">");
        for (int i = 0; i < n; i++) {
            xml.append("<url><loc>").append(server.uri("/news/" + i)).append("</loc></url>");
        }
        return xml.append("</urlset>").toString();
    }

    private static String hostPort(URI uri) {
        return uri.getHost() + ":" + uri.getPort();
    }

    private static byte[] zip() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var z = new java.util.zip.ZipOutputStream(out)) {
            z.putNextEntry(new java.util.zip.ZipEntry("index.html"));
            z.write("<html><body>zipped</body></html>".getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] compress(String encoding, byte[] data) {
        if (encoding.equals("gzip")) {
            return LoopbackServer.gzip(data);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(out)) {
            z.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
