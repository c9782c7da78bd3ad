package io.newsflow.ingest.fetch;

import static io.newsflow.ingest.fetch.LoopbackServer.redirect;
import static io.newsflow.ingest.fetch.LoopbackServer.respond;
import static io.newsflow.ingest.fetch.LoopbackServer.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.ingest.security.SsrfGuard;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpFetcherTest {

    private static final String PAGE = "<html><body><p>Hello</p></body></html>";

    private final LoopbackServer server = LoopbackServer.start();
    private final FetchOptions loopback = FetchOptions.defaults()
            .withSsrfGuard(SsrfGuard.allowing(List.of("127.0.0.0/8")))
            .withRetries(3, Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofSeconds(5))
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2));

    @AfterEach
    void stop() {
        server.close();
    }

    private FetchResult fetch(FetchOptions options, String path) {
        try (HttpFetcher fetcher = new HttpFetcher(options)) {
            return fetcher.fetch(FetchRequest.of(server.uri(path)));
        }
    }

    @Test
    void fetchesHtmlPageWithStatusHeadersAndBody() {
        server.route("/page", text(200, "text/html; charset=utf-8", PAGE));
        FetchResult r = fetch(loopback, "/page");
        assertThat(r.status()).isEqualTo(FetchStatus.OK);
        assertThat(r.httpStatus()).isEqualTo(200);
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(PAGE);
        assertThat(r.header("Content-Type")).startsWith("text/html");
        assertThat(r.attempts()).isEqualTo(1);
        assertThat(r.reason()).isNull();
        assertThat(r.finalUri()).isEqualTo(r.requested());
    }

    @Test
    void refusesLoopbackWithDefaultGuardWithoutConnecting() {
        server.route("/page", text(200, "text/html", PAGE));
        FetchResult r = fetch(FetchOptions.defaults(), "/page");
        assertThat(r.status()).isEqualTo(FetchStatus.BLOCKED);
        assertThat(server.hits("/page")).isZero();
    }

    @Test
    void sendsHonestUserAgentAndAcceptEncoding() {
        AtomicReference<String> ua = new AtomicReference<>();
        AtomicReference<String> ae = new AtomicReference<>();
        server.route("/ua", ex -> {
            ua.set(ex.getRequestHeaders().getFirst("User-Agent"));
            ae.set(ex.getRequestHeaders().getFirst("Accept-Encoding"));
            respond(ex, 200, "text/html", PAGE.getBytes(StandardCharsets.UTF_8));
        });
        fetch(loopback.withUserAgent("TestBot/1.0 (+mailto:ops@example.org)"), "/ua");
        assertThat(ua.get()).isEqualTo("TestBot/1.0 (+mailto:ops@example.org)");
        assertThat(ae.get()).contains("gzip").contains("deflate");
    }

    @Test
    void followsRedirectsAndReportsFinalUri() {
        server.route("/a", redirect(301, "/b"));
        server.route("/b", redirect(302, server.uri("/c").toString()));
        server.route("/c", text(200, "text/html", PAGE));
        FetchResult r = fetch(loopback, "/a");
        assertThat(r.status()).isEqualTo(FetchStatus.OK);
        assertThat(r.finalUri()).isEqualTo(server.uri("/c"));
        assertThat(r.requested()).isEqualTo(server.uri("/a"));
    }

    @Test
    void stopsRedirectLoop() {
        server.route("/loop1", redirect(302, "/loop2"));
        server.route("/loop2", redirect(302, "/loop1"));
        FetchResult r = fetch(loopback, "/loop1");
        assertThat(r.status()).isEqualTo(FetchStatus.TOO_MANY_REDIRECTS);
        assertThat(r.reason()).contains("loop");
        assertThat(server.hits("/loop1")).isEqualTo(1);
    }

    @Test
    void stopsRedirectChainLongerThanLimit() {
        for (int i = 0; i < 5; i++) {
            server.route("/r" + i, redirect(307, "/r" + (i + 1)));
        }
        server.route("/r5", text(200, "text/html", PAGE));
        FetchResult r = fetch(loopback.withMaxRedirects(2), "/r0");
        assertThat(r.status()).isEqualTo(FetchStatus.TOO_MANY_REDIRECTS);
        assertThat(server.hits("/r3")).isZero();
    }

    @Test
    void blocksRedirectHopToMetadataAddress() {
        server.route("/evil", redirect(302, "http://169.254.169.254/latest/meta-data/"));
        FetchResult r = fetch(loopback, "/evil");
        assertThat(r.status()).isEqualTo(FetchStatus.BLOCKED);
        assertThat(r.finalUri().getHost()).isEqualTo("169.254.169.254");
    }

    @Test
    void blocksRedirectToNonHttpScheme() {
        server.route("/file", redirect(302, "file:///etc/passwd"));
        assertThat(fetch(loopback, "/file").status()).isEqualTo(FetchStatus.BLOCKED);
    }

    @Test
    void decodesGzipAndDeflateBodies() throws IOException {
        byte[] page = PAGE.getBytes(StandardCharsets.UTF_8);
        server.route("/gz", ex -> {
            ex.getResponseHeaders().add("Content-Encoding", "gzip");
            respond(ex, 200, "text/html", LoopbackServer.gzip(page));
        });
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        try (DeflaterOutputStream d = new DeflaterOutputStream(deflated)) {
            d.write(page);
        }
        server.route("/deflate", ex -> {
            ex.getResponseHeaders().add("Content-Encoding", "deflate");
            respond(ex, 200, "text/html", deflated.toByteArray());
        });
        assertThat(fetch(loopback, "/gz").body()).isEqualTo(page);
        assertThat(fetch(loopback, "/deflate").body()).isEqualTo(page);
    }

    @Test
    void cutsGzipBombAtDecompressedSizeLimit() {
        byte[] bomb = LoopbackServer.gzip(textOf(64 * 1024 * 1024));
        server.route("/bomb", ex -> {
            ex.getResponseHeaders().add("Content-Encoding", "gzip");
            respond(ex, 200, "text/html", bomb);
        });
        FetchResult r = fetch(loopback.withMaxBodyBytes(1024 * 1024), "/bomb");
        assertThat(bomb.length).isLessThan(1024 * 1024);
        assertThat(r.status()).isEqualTo(FetchStatus.TOO_LARGE_TRUNCATED);
        assertThat(r.truncated()).isTrue();
        assertThat(r.body()).hasSize(1024 * 1024);
    }

    @Test
    void truncatesAndFlagsHugeBody() {
        server.route("/huge", ex -> respond(ex, 200, "text/html", textOf(3_000_000)));
        FetchResult r = fetch(loopback.withMaxBodyBytes(100_000), "/huge");
        assertThat(r.status()).isEqualTo(FetchStatus.TOO_LARGE_TRUNCATED);
        assertThat(r.body()).hasSize(100_000);
        assertThat(r.hasBody()).isTrue();
    }

    @Test
    void cutsBodyThatTricklesForever() {
        server.route("/slow", ex -> {
            ex.getResponseHeaders().add("Content-Type", "text/html");
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 600; i++) {
                    out.write('x');
                    out.flush();
                    Thread.sleep(50);
                }
            } catch (InterruptedException | IOException e) {
                // client went away: expected
            }
        });
        long start = System.nanoTime();
        FetchResult r = fetch(loopback.withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(500)), "/slow");
        assertThat(r.status()).isEqualTo(FetchStatus.NETWORK_ERROR);
        assertThat(r.reason()).contains("not complete");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void timesOutWhenHeadersNeverComeAndRetries() {
        server.route("/stall", ex -> {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        FetchResult r = fetch(loopback.withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(200))
                .withRetries(2, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(1)), "/stall");
        assertThat(r.status()).isEqualTo(FetchStatus.NETWORK_ERROR);
        assertThat(r.attempts()).isEqualTo(2);
    }

    @Test
    void rejectsNonHtmlWithoutReadingTheBody() {
        server.route("/pdf", ex -> respond(ex, 200, "application/pdf", new byte[20_000_000]));
        FetchResult r = fetch(loopback, "/pdf");
        assertThat(r.status()).isEqualTo(FetchStatus.NOT_HTML);
        assertThat(r.body()).isEmpty();
        assertThat(r.contentType()).isEqualTo("application/pdf");
    }

    @Test
    void keepsAnHtmlPageWithAStrayNulByte() {
        byte[] page = ("<html><body>" + "<p>Ordinary news text.</p>".repeat(200) + "</body></html>")
                .getBytes(StandardCharsets.UTF_8);
        page[40] = 0;
        server.route("/nul", ex -> respond(ex, 200, "text/html; charset=utf-8", page));
        FetchResult r = fetch(loopback, "/nul");
        assertThat(r.status()).isEqualTo(FetchStatus.OK);
        assertThat(r.body()).isEqualTo(page);
    }

    @Test
    void refusesAPngDeclaredAsHtmlWithAClearReason() {
        byte[] png = new byte[4096];
        new java.util.Random(1).nextBytes(png);
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, 0, png, 0, 8);
        server.route("/fake.html", ex -> respond(ex, 200, "text/html", png));
        FetchResult r = fetch(loopback, "/fake.html");
        assertThat(r.status()).isEqualTo(FetchStatus.NOT_HTML);
        assertThat(r.reason()).contains("PNG").contains("text/html");
        assertThat(r.body()).isEmpty();
    }

    @Test
    void acceptsAnyContentTypeWhenNotHtmlOnly() {
        server.route("/feed", text(200, "application/rss+xml", "<rss/>"));
        assertThat(fetch(loopback.withHtmlOnly(false), "/feed").status()).isEqualTo(FetchStatus.OK);
    }

    @Test
    void retriesServerErrorsThenSucceeds() {
        AtomicInteger calls = new AtomicInteger();
        server.route("/flaky", ex -> {
            int n = calls.incrementAndGet();
            respond(ex, n < 3 ? 503 : 200, "text/html", PAGE.getBytes(StandardCharsets.UTF_8));
        });
        FetchResult r = fetch(loopback, "/flaky");
        assertThat(r.status()).isEqualTo(FetchStatus.OK);
        assertThat(r.attempts()).isEqualTo(3);
    }

    @Test
    void reportsHttpErrorWhenRetriesAreExhausted() {
        server.route("/down", text(500, "text/plain", "boom"));
        FetchResult r = fetch(loopback, "/down");
        assertThat(r.status()).isEqualTo(FetchStatus.HTTP_ERROR);
        assertThat(r.httpStatus()).isEqualTo(500);
        assertThat(r.attempts()).isEqualTo(3);
        assertThat(server.hits("/down")).isEqualTo(3);
    }

    @Test
    void honoursRetryAfterOn429() {
        AtomicInteger calls = new AtomicInteger();
        server.route("/busy", ex -> {
            if (calls.incrementAndGet() == 1) {
                ex.getResponseHeaders().add("Retry-After", "1");
                respond(ex, 429, "text/plain", "slow down".getBytes(StandardCharsets.UTF_8));
            } else {
                respond(ex, 200, "text/html", PAGE.getBytes(StandardCharsets.UTF_8));
            }
        });
        long start = System.nanoTime();
        FetchResult r = fetch(loopback, "/busy");
        assertThat(r.status()).isEqualTo(FetchStatus.OK);
        assertThat(r.attempts()).isEqualTo(2);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void givesUpWhenRetryAfterExceedsCap() {
        server.route("/later", ex -> {
            ex.getResponseHeaders().add("Retry-After", "3600");
            respond(ex, 503, "text/plain", "maintenance".getBytes(StandardCharsets.UTF_8));
        });
        FetchResult r = fetch(loopback, "/later");
        assertThat(r.status()).isEqualTo(FetchStatus.HTTP_ERROR);
        assertThat(r.attempts()).isEqualTo(1);
        assertThat(r.reason()).contains("exceeds cap");
    }

    @Test
    void doesNotRetryPermanentClientErrors() {
        server.route("/gone", text(404, "text/html", "nope"));
        FetchResult r = fetch(loopback, "/gone");
        assertThat(r.status()).isEqualTo(FetchStatus.HTTP_ERROR);
        assertThat(r.httpStatus()).isEqualTo(404);
        assertThat(server.hits("/gone")).isEqualTo(1);
    }

    @Test
    void sendsValidatorsAndReportsNotModified() {
        server.route("/cond", ex -> {
            boolean match = "\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))
                    && ex.getRequestHeaders().getFirst("If-Modified-Since") != null;
            if (match) {
                ex.sendResponseHeaders(304, -1);
            } else {
                respond(ex, 200, "text/html", PAGE.getBytes(StandardCharsets.UTF_8));
            }
        });
        try (HttpFetcher fetcher = new HttpFetcher(loopback)) {
            FetchResult r = fetcher.fetch(new FetchRequest(server.uri("/cond"), "\"v1\"", "Wed, 21 Oct 2015 07:28:00 GMT"));
            assertThat(r.status()).isEqualTo(FetchStatus.NOT_MODIFIED);
            assertThat(r.body()).isEmpty();
        }
    }

    @Test
    void reportsUnreachablePortAsNetworkError() {
        FetchResult r;
        try (HttpFetcher fetcher = new HttpFetcher(loopback.withRetries(1, Duration.ZERO, Duration.ZERO, Duration.ZERO))) {
            r = fetcher.fetch(FetchRequest.of(java.net.URI.create("http://127.0.0.1:1/x")));
        }
        assertThat(r.status()).isEqualTo(FetchStatus.NETWORK_ERROR);
        assertThat(r.reason()).isNotBlank();
    }

    @Test
    void doesNotRetryAnInvalidValidatorHeader() {
        server.route("/page", text(200, "text/html", PAGE));
        try (HttpFetcher fetcher = new HttpFetcher(loopback)) {
            FetchResult r = fetcher.fetch(new FetchRequest(server.uri("/page"), "bad\r\nInjected: 1", null));
            assertThat(r.status()).isEqualTo(FetchStatus.NETWORK_ERROR);
            assertThat(r.attempts()).isEqualTo(1);
            assertThat(r.reason()).startsWith("invalid request");
        }
        assertThat(server.hits("/page")).isZero();
    }

    @Test
    void keepsEscapesAndEncodesRawUtf8InLocation() {
        AtomicReference<String> seenQuery = new AtomicReference<>();
        server.route("/from", redirect(302, "/to/caf\u00e9?q=a%26b&x=1#frag"));
        server.route("/to/caf\u00e9", ex -> {
            seenQuery.set(ex.getRequestURI().getRawQuery());
            respond(ex, 200, "text/html", PAGE.getBytes(StandardCharsets.UTF_8));
        });
        FetchResult r = fetch(loopback, "/from");
        assertThat(r.status()).isEqualTo(FetchStatus.OK);
        assertThat(seenQuery.get()).isEqualTo("q=a%26b&x=1");
        assertThat(r.finalUri().getRawPath()).isEqualTo("/to/caf%C3%A9");
    }

    /** {@code n} bytes of plain text (zeros would now read as a binary body). */
    private static byte[] textOf(int n) {
        byte[] b = new byte[n];
        java.util.Arrays.fill(b, (byte) 'a');
        return b;
    }
}
