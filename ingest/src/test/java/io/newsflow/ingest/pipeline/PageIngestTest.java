package io.newsflow.ingest.pipeline;

import static io.newsflow.ingest.fetch.LoopbackServer.respond;
import static io.newsflow.ingest.fetch.LoopbackServer.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.ingest.fetch.FetchOptions;
import io.newsflow.ingest.fetch.FetchResult;
import io.newsflow.ingest.fetch.Fetcher;
import io.newsflow.ingest.fetch.LoopbackServer;
import io.newsflow.ingest.politeness.FetchListener;
import io.newsflow.ingest.politeness.HostScheduler;
import io.newsflow.ingest.politeness.PoliteFetcher;
import io.newsflow.ingest.politeness.PolitenessOptions;
import io.newsflow.ingest.politeness.RobotsCache;
import io.newsflow.ingest.produce.RawArticleSink;
import io.newsflow.ingest.security.SsrfGuard;
import io.newsflow.ingest.url.UrlCanonicalizer;
import io.newsflow.schemas.avro.FeedHints;
import io.newsflow.schemas.avro.FetchOutcome;
import io.newsflow.schemas.avro.SourceKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.DeflaterOutputStream;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.record.internal.AbstractRecords;
import org.apache.kafka.common.record.internal.CompressionType;
import org.apache.kafka.common.record.internal.RecordBatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageIngestTest {

    private static final int MAX_REQUEST = 1024 * 1024;

    private final LoopbackServer server = LoopbackServer.start();
    private final FetchOptions loopback = FetchOptions.defaults()
            .withSsrfGuard(SsrfGuard.allowing(List.of(server.uri("/").getHost() + ":" + server.uri("/").getPort())))
            .withRetries(2, Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofSeconds(1));
    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
        server.close();
    }

    private IngestHarness harness(FetchOptions options) {
        IngestHarness h = new IngestHarness(MAX_REQUEST, options);
        closing.add(h);
        return h;
    }

    @Test
    void robotsDeniedUrlsAreAFetchStatusOnlyNotADeadLetter() {
        server.route("/robots.txt", text(200, "text/plain", "User-agent: *\nDisallow: /private/\n"));
        IngestHarness h = harness(loopback);
        for (int i = 0; i < 3; i++) {
            h.ingest(server.uri("/private/" + i).toString());
        }
        assertThat(h.statuses()).extracting(FetchOutcome::getStatus).containsExactly("ROBOTS_DENIED", "ROBOTS_DENIED",
                "ROBOTS_DENIED");
        assertThat(h.deadLetters()).isEmpty();
        assertThat(h.ingest.expectedOutcomes()).isEqualTo(3);
        assertThat(h.ingest.failures()).isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {404, 410})
    void goneOrMissingPagesAreAFetchStatusOnly(int status) {
        server.route("/gone", text(status, "text/html", "<p>no</p>"));
        IngestHarness h = harness(loopback);
        h.ingest(server.uri("/gone").toString());
        assertThat(h.statuses()).singleElement().satisfies(s -> {
            assertThat(s.getStatus()).isEqualTo("HTTP_ERROR");
            assertThat(s.getHttpStatus()).isEqualTo(status);
        });
        assertThat(h.deadLetters()).isEmpty();
    }

    @Test
    void ssrfRefusalsAreAFetchStatusOnly() {
        IngestHarness h = harness(loopback);
        h.ingest("http://169.254.169.254/latest/meta-data/");
        h.ingest("http://127.0.0.1:" + (server.uri("/").getPort() == 1 ? 2 : 1) + "/other-port");
        assertThat(h.statuses()).extracting(FetchOutcome::getStatus).containsExactly("BLOCKED", "BLOCKED");
        assertThat(h.deadLetters()).isEmpty();
    }

    @Test
    void serverErrorsAfterRetriesStayDeadLetters() {
        server.route("/broken", text(500, "text/html", "oops"));
        IngestHarness h = harness(loopback);
        h.ingest(server.uri("/broken").toString());
        assertThat(h.statuses()).singleElement().satisfies(s -> assertThat(s.getStatus()).isEqualTo("HTTP_ERROR"));
        assertThat(h.deadLetters()).singleElement().satisfies(d -> {
            assertThat(d.getStage()).isEqualTo("ingest.fetch");
            assertThat(d.getReason()).contains("HTTP 500");
        });
    }

    @Test
    void anUnreachableHostIsADeadLetterNotARobotsDenial() throws IOException {
        int closed;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        IngestHarness h = harness(loopback.withSsrfGuard(SsrfGuard.allowing(List.of("127.0.0.1:" + closed))));
        h.ingest("http://127.0.0.1:" + closed + "/gone");
        assertThat(h.statuses()).singleElement().satisfies(s -> {
            assertThat(s.getStatus()).isEqualTo("NETWORK_ERROR");
            assertThat(s.getReason()).contains("robots.txt unavailable");
        });
        assertThat(h.deadLetters()).singleElement().satisfies(d -> assertThat(d.getStage()).isEqualTo("ingest.fetch"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"gzip", "deflate"})
    void decompressionBombIsCutToARecordThatFitsTheProducerLimit(String encoding) {
        byte[] bomb = compress(encoding, page(64 * 1024 * 1024));
        server.route("/bomb", ex -> {
            ex.getResponseHeaders().add("Content-Encoding", encoding);
            respond(ex, 200, "text/html; charset=utf-8", bomb);
        });
        IngestHarness capped = harness(loopback.withMaxBodyBytes(MAX_REQUEST - RawArticleSink.HEADROOM));
        capped.ingest(server.uri("/bomb").toString());
        assertThat(bomb.length).isLessThan(MAX_REQUEST);
        assertFitsTheProducer(capped);
        assertThat(capped.raws()).singleElement().satisfies(r -> assertThat(r.getTruncated()).isTrue());
        assertThat(capped.statuses()).singleElement()
                .satisfies(s -> assertThat(s.getStatus()).isEqualTo("TOO_LARGE_TRUNCATED"));
        assertThat(capped.deadLetters()).isEmpty();
    }

    @Test
    void pageOverTheProducerLimitIsCutToFitWhenTheFetchCapIsTooHigh() {
        server.route("/big", ex -> respond(ex, 200, "text/html", page(3 * MAX_REQUEST)));
        IngestHarness h = harness(loopback.withMaxBodyBytes(2L * MAX_REQUEST));
        h.ingest(server.uri("/big").toString());
        assertFitsTheProducer(h);
        assertThat(h.sink.cutToFit()).isEqualTo(1);
        assertThat(h.statuses()).singleElement().satisfies(s -> {
            assertThat(s.getStatus()).isEqualTo("TOO_LARGE_TRUNCATED");
            assertThat(s.getReason()).contains("max.request.size");
        });
        assertThat(h.deadLetters()).isEmpty();
    }

    @Test
    void recordThatCannotFitEvenWithoutBodyIsAStatusAndADeadLetter() {
        server.route("/page", ex -> respond(ex, 200, "text/html", page(10_000)));
        IngestHarness h = harness(loopback);
        FeedHints hints = FeedHints.newBuilder().setSummary("s".repeat(2 * MAX_REQUEST)).build();
        h.ingest(server.uri("/page").toString(), hints);
        assertThat(h.raws()).isEmpty();
        assertThat(h.sink.tooLarge()).isEqualTo(1);
        assertThat(h.statuses()).singleElement().satisfies(s -> {
            assertThat(s.getStatus()).isEqualTo("UNDELIVERABLE");
            assertThat(s.getReason()).contains("max.request.size");
        });
        assertThat(h.deadLetters()).singleElement().satisfies(d -> {
            assertThat(d.getStage()).isEqualTo("ingest.produce");
            assertThat(d.getReason()).contains("max.request.size");
        });
    }

    @Test
    void keepsAtMostMaxInFlightPagesPendingWhileASourceIsRead() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        Fetcher slow = request -> {
            peak.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                release.await(2, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
            return FetchResult.failure(request.uri(), request.uri(), io.newsflow.ingest.fetch.FetchStatus.HTTP_ERROR,
                    404, 1, java.time.Instant.now(), "HTTP 404");
        };
        PolitenessOptions politeness = PolitenessOptions.defaults().withObeyRobots(false).withMinDelay(Duration.ZERO)
                .withConcurrency(100, 100);
        RobotsCache robots = new RobotsCache(slow, "newsflowbot", Duration.ofHours(1), Duration.ofMinutes(1),
                Clock.systemUTC(), 10);
        IngestHarness h = harness(loopback);
        try (PoliteFetcher fetcher = PoliteFetcher.over(slow, robots, new HostScheduler(100, 100, 1000), politeness,
                FetchListener.NONE, new SimpleMeterRegistry())) {
            PageIngest ingest = new PageIngest(fetcher, h.sink, new UrlCanonicalizer(), SeenSet.empty(), 5);
            List<CompletableFuture<Void>> done = new ArrayList<>();
            Thread source = Thread.ofVirtual().start(() -> {
                for (int i = 0; i < 50; i++) {
                    done.add(ingest.submit(new Discovered("https://h" + i + ".example/a", null, SourceKind.URL, "t")));
                }
            });
            awaitUntil(() -> running.get() == 5 && source.getState() == Thread.State.WAITING);
            assertThat(done).hasSize(5);
            release.countDown();
            source.join(Duration.ofMinutes(2));
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
        }
        assertThat(peak.get()).isEqualTo(5);
        assertThat(h.statuses()).hasSize(50);
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached within a minute");
            }
            Thread.sleep(10);
        }
    }

    /** Checks each raw record with the producer's own size estimate against max.request.size. */
    private static void assertFitsTheProducer(IngestHarness h) {
        assertThat(h.rawRecords()).singleElement().satisfies(r -> {
            int size = AbstractRecords.estimateSizeInBytesUpperBound(RecordBatch.CURRENT_MAGIC_VALUE,
                    CompressionType.ZSTD, r.key().getBytes(StandardCharsets.UTF_8), r.value(), new Header[0]);
            assertThat(size).isLessThanOrEqualTo(MAX_REQUEST);
            assertThat(r.value().length).isGreaterThan(MAX_REQUEST / 2);
        });
    }

    private static byte[] page(int size) {
        byte[] body = new byte[size];
        byte[] para = "<p>Harbour bridge news, paragraph after paragraph.</p>\n".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < size; i++) {
            body[i] = para[i % para.length];
        }
        return body;
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
