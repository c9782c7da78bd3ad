package io.newsflow.ingest.service;

import static io.newsflow.ingest.fetch.LoopbackServer.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.ingest.fetch.LoopbackServer;
import io.newsflow.ingest.pipeline.SeenSet;
import io.newsflow.ingest.produce.RawArticleSink;
import io.newsflow.schemas.config.ServiceConfig;
import io.newsflow.schemas.serde.PlainAvroSerdeFactory;
import io.newsflow.schemas.topics.TopicNames;
import io.newsflow.schemas.topics.Topics;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestServiceTest {

    private static final Duration GENEROUS = Duration.ofMinutes(2);

    @TempDir
    Path dir;

    private final LoopbackServer server = LoopbackServer.start();
    private final Topics topics = Topics.create(TopicNames.DEFAULTS, new PlainAvroSerdeFactory());
    private final MockProducer<String, byte[]> producer =
            new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    private final RawArticleSink sink = new RawArticleSink(producer, topics, RawArticleSink.DEFAULT_MAX_REQUEST_SIZE);
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final PrintStream console = new PrintStream(out, true, StandardCharsets.UTF_8);

    @AfterEach
    void close() {
        sink.close();
        server.close();
    }

    @Test
    void runThatIngestedNothingBecauseEverySourceFailedExitsWithOneAndSaysSo() {
        server.route("/broken", text(500, "text/html", "no"));
        server.route("/feed.xml", text(500, "text/html", "no"));
        IngestSummary summary = run(options(new IngestOptions.Sources(List.of(), List.of(url("/broken")),
                List.of(dir.resolve("missing.txt").toString()), List.of(server.uri("/feed.xml")), List.of(), List.of(),
                List.of()), true));
        assertThat(summary.failedSources()).hasSize(3);
        assertThat(summary.exitCode()).isEqualTo(1);
        assertThat(output()).contains("nothing ingested: every source failed");
    }

    @Test
    void runWithOneWorkingSourceAmongFailedOnesExitsWithZero() {
        server.route("/broken", text(500, "text/html", "no"));
        server.route("/news/1", text(200, "text/html", "<p>story</p>"));
        IngestSummary summary = run(options(new IngestOptions.Sources(List.of(), List.of(url("/broken"), url("/news/1")),
                List.of(dir.resolve("missing.txt").toString()), List.of(), List.of(), List.of(), List.of()), true));
        assertThat(summary.sent()).isEqualTo(1);
        assertThat(summary.exitCode()).isZero();
        assertThat(output()).doesNotContain("nothing ingested");
    }

    @Test
    void summaryCountsAddUpAndEachOutcomeHasItsLine() {
        server.route("/news/1", text(200, "text/html", "<p>one</p>"));
        server.route("/news/2", text(200, "text/html", "<p>two</p>"));
        server.route("/gone", text(404, "text/html", "gone"));
        server.route("/broken", text(500, "text/html", "no"));
        IngestSummary summary = run(options(new IngestOptions.Sources(List.of(), List.of(url("/news/1"), url("/news/2"),
                url("/news/1"), url("/gone"), url("/broken"), "ftp://example.com/x"), List.of(), List.of(), List.of(),
                List.of(), List.of()), true));
        IngestSummary.Web web = summary.web();
        assertThat(web.discovered()).isEqualTo(5);
        assertThat(web.repeats()).isEqualTo(1);
        assertThat(web.discovered()).isEqualTo(web.fetched() + web.skipped() + web.invalid() + web.unfinished());
        assertThat(web.fetched()).isEqualTo(web.pagesSent() + web.expected() + web.failed());
        assertThat(web.pagesSent()).isEqualTo(2).isEqualTo(summary.sent());
        assertThat(web.expected()).isEqualTo(1);
        assertThat(web.failed()).isEqualTo(1);
        assertThat(web.invalid()).isEqualTo(1);
        assertThat(summary.deadLetters()).isEqualTo(web.failed() + web.invalid());
        assertThat(output()).contains("web: 5 URLs discovered = 4 fetched + 0 skipped", "1 not URLs",
                "web: 4 fetched = 2 pages sent + 1 no page for an expected reason", "+ 1 failed (dead letters)",
                "OK=2", "HTTP_ERROR=2", "2 pages sent");
    }

    @Test
    void hostRefusedByTheSsrfGuardIsNamedWithTheFlagThatAllowsIt() {
        server.route("/news/1", text(200, "text/html", "<p>one</p>"));
        IngestSummary summary = run(options(new IngestOptions.Sources(List.of(), List.of(url("/news/1")), List.of(),
                List.of(), List.of(), List.of(), List.of()), false));
        assertThat(summary.web().blockedHosts()).containsExactly("127.0.0.1:" + server.uri("/").getPort());
        assertThat(output()).contains("the SSRF guard refused", "--allow-host 127.0.0.1:" + server.uri("/").getPort());
    }

    @Test
    void webProgressSaysDoneRateQueuedAndDeadLettersWhileFetching() throws Exception {
        CountDownLatch progressSeen = new CountDownLatch(1);
        server.route("/slow", exchange -> {
            try {
                progressSeen.await(2, TimeUnit.MINUTES); // answers once a progress line reported it queued
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            text(200, "text/html", "<p>slow</p>").handle(exchange);
        });
        IngestOptions options = options(new IngestOptions.Sources(List.of(), List.of(url("/slow")), List.of(),
                List.of(), List.of(), List.of(), List.of()), true).withIntervals(Duration.ofSeconds(2),
                Duration.ofMillis(50));
        CompletableFuture<IngestSummary> running = CompletableFuture.supplyAsync(() -> run(options));
        await(() -> output().contains("1 queued"));
        progressSeen.countDown();
        assertThat(running.get(2, TimeUnit.MINUTES).sent()).isEqualTo(1);
        assertThat(output()).containsPattern("web: 0 done \\(0 sent, 0 no page as expected, 0 failed, 0 skipped as "
                + "fetched before\\), [0-9.]+ URLs/s, 1 queued, 0 dead letters");
    }

    @Test
    void followingServiceSendsAFileDroppedAfterStartAndStopsWhenAsked() throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        IngestOptions options = new IngestOptions(new IngestOptions.Sources(List.of(inbox), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of()), true, false, List.of(), null, 1 << 20, 1 << 20, 16, 100,
                null, Duration.ofMinutes(10), Duration.ofMinutes(2), Duration.ofMinutes(60), Duration.ofMinutes(15),
                Duration.ofMillis(100), Duration.ofSeconds(10), Map.of());
        IngestService service = service(options);
        CompletableFuture<IngestSummary> running = CompletableFuture.supplyAsync(() -> {
            try {
                return service.run();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        await(() -> output().contains("following 1 sources"));
        Files.writeString(inbox.resolve("dropped.html"), "<p>dropped</p>", StandardCharsets.UTF_8);
        await(() -> sink.sent() == 1);
        service.stop();
        assertThat(service.awaitFinished(GENEROUS)).isTrue();
        IngestSummary summary = running.get(2, TimeUnit.MINUTES);
        assertThat(summary.sent()).isEqualTo(1);
        assertThat(summary.exitCode()).isZero();
    }

    @Test
    void configurationGivesTheSitemapCapItsOwnKey() {
        IngestOptions options = IngestOptions.fromConfig(ServiceConfig.of(Map.of("ingest.sitemap-max-bytes", "1234",
                "ingest.max-bytes", "99")));
        assertThat(options.sitemapMaxBytes()).isEqualTo(1234);
        assertThat(options.maxBytes()).isEqualTo(99);
    }

    private String url(String path) {
        return server.uri(path).toString();
    }

    private static IngestOptions options(IngestOptions.Sources sources, boolean allowLoopback) {
        return IngestOptions.fromConfig(ServiceConfig.of(Map.of())).withCommandLine(sources, false, false,
                allowLoopback ? List.of("127.0.0.1") : List.of(), null);
    }

    private IngestService service(IngestOptions options) {
        return new IngestService(options, sink, SeenSet::empty, new SimpleMeterRegistry(), console,
                new ByteArrayInputStream(new byte[0]));
    }

    private IngestSummary run(IngestOptions options) {
        try {
            return service(options).run();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + GENEROUS.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition met within %s", GENEROUS).isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
