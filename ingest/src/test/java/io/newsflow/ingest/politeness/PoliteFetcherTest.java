package io.newsflow.ingest.politeness;

import static io.newsflow.ingest.fetch.LoopbackServer.respond;
import static io.newsflow.ingest.fetch.LoopbackServer.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.ingest.fetch.FetchOptions;
import io.newsflow.ingest.fetch.FetchRequest;
import io.newsflow.ingest.fetch.FetchResult;
import io.newsflow.ingest.fetch.FetchStatus;
import io.newsflow.ingest.fetch.LoopbackServer;
import io.newsflow.ingest.security.SsrfGuard;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PoliteFetcherTest {

    private static final byte[] PAGE = "<html><body>hi</body></html>".getBytes(StandardCharsets.UTF_8);

    private final LoopbackServer server = LoopbackServer.start();
    private final FetchOptions fetchOptions = FetchOptions.defaults()
            .withSsrfGuard(SsrfGuard.allowing(List.of("127.0.0.0/8")))
            .withRetries(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    private final PolitenessOptions fast = PolitenessOptions.defaults().withMinDelay(Duration.ZERO);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<FetchResult> seen = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        server.close();
    }

    private PoliteFetcher polite(PolitenessOptions options) {
        return PoliteFetcher.create(fetchOptions, options, seen::add, registry);
    }

    @Test
    void deniesUrlsDisallowedByRobotsTxtWithoutFetchingThem() {
        server.route("/robots.txt", text(200, "text/plain", "User-agent: *\nDisallow: /private\n"));
        server.route("/private/a", text(200, "text/html", "secret"));
        server.route("/public/a", text(200, "text/html", "open"));
        try (PoliteFetcher f = polite(fast)) {
            assertThat(f.fetch(FetchRequest.of(server.uri("/private/a"))).status()).isEqualTo(FetchStatus.ROBOTS_DENIED);
            assertThat(f.fetch(FetchRequest.of(server.uri("/public/a"))).status()).isEqualTo(FetchStatus.OK);
        }
        assertThat(server.hits("/private/a")).isZero();
    }

    @Test
    void refusesRedirectsIntoPathsDisallowedByRobotsTxt() {
        server.route("/robots.txt", text(200, "text/plain", "User-agent: *\nDisallow: /private\n"));
        server.route("/public/jump", LoopbackServer.redirect(302, "/private/a"));
        server.route("/private/a", text(200, "text/html", "secret"));
        try (PoliteFetcher f = polite(fast)) {
            FetchResult r = f.fetch(FetchRequest.of(server.uri("/public/jump")));
            assertThat(r.status()).isEqualTo(FetchStatus.ROBOTS_DENIED);
            assertThat(r.finalUri()).isEqualTo(server.uri("/private/a"));
        }
        assertThat(server.hits("/private/a")).isZero();
    }

    @Test
    void matchesRobotsGroupForOurAgentName() {
        server.route("/robots.txt", text(200, "text/plain",
                "User-agent: newsflowbot\nDisallow: /\n\nUser-agent: *\nAllow: /\n"));
        server.route("/a", text(200, "text/html", "x"));
        try (PoliteFetcher f = polite(fast)) {
            assertThat(f.fetch(FetchRequest.of(server.uri("/a"))).status()).isEqualTo(FetchStatus.ROBOTS_DENIED);
        }
    }

    @Test
    void fetchesRobotsTxtOncePerHostWhileCached() {
        server.route("/robots.txt", text(200, "text/plain", "User-agent: *\nAllow: /\n"));
        server.route("/p", text(200, "text/html", "x"));
        try (PoliteFetcher f = polite(fast)) {
            List<CompletableFuture<FetchResult>> futures = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                futures.add(f.submit(FetchRequest.of(server.uri("/p"))));
            }
            futures.forEach(CompletableFuture::join);
        }
        assertThat(server.hits("/robots.txt")).isEqualTo(1);
        assertThat(server.hits("/p")).isEqualTo(10);
    }

    @Test
    void allowsEverythingWhenRobotsTxtIsMissing() {
        server.route("/robots.txt", text(404, "text/html", "not found"));
        server.route("/p", text(200, "text/html", "x"));
        try (PoliteFetcher f = polite(fast)) {
            assertThat(f.fetch(FetchRequest.of(server.uri("/p"))).status()).isEqualTo(FetchStatus.OK);
        }
    }

    @Test
    void refusesEverythingWhileRobotsTxtFailsWithServerError() {
        server.route("/robots.txt", text(503, "text/plain", "down"));
        server.route("/p", text(200, "text/html", "x"));
        try (PoliteFetcher f = polite(fast)) {
            FetchResult r = f.fetch(FetchRequest.of(server.uri("/p")));
            // A failure of the host, not its policy: a network error (and so a dead letter), not a robots denial.
            assertThat(r.status()).isEqualTo(FetchStatus.NETWORK_ERROR);
            assertThat(r.reason()).contains("robots.txt unavailable");
        }
        assertThat(server.hits("/p")).isZero();
    }

    @Test
    void spacesRequestsToOneHostAndNeverOverlapsThem() {
        server.route("/robots.txt", text(404, "text/plain", ""));
        List<Long> starts = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        server.route("/p", ex -> {
            starts.add(System.nanoTime());
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            sleep(30);
            inFlight.decrementAndGet();
            respond(ex, 200, "text/html", PAGE);
        });
        try (PoliteFetcher f = polite(fast.withMinDelay(Duration.ofMillis(150)))) {
            List<CompletableFuture<FetchResult>> futures = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                futures.add(f.submit(FetchRequest.of(server.uri("/p"))));
            }
            futures.forEach(CompletableFuture::join);
        }
        assertThat(maxInFlight.get()).isEqualTo(1);
        List<Long> sorted = new ArrayList<>(starts);
        Collections.sort(sorted);
        for (int i = 1; i < sorted.size(); i++) {
            assertThat(Duration.ofNanos(sorted.get(i) - sorted.get(i - 1))).isGreaterThanOrEqualTo(Duration.ofMillis(170));
        }
    }

    @Test
    void honoursCrawlDelayUpToTheCap() {
        try (PoliteFetcher f = polite(fast.withMinDelay(Duration.ofMillis(100)).withMaxCrawlDelay(Duration.ofSeconds(10)))) {
            assertThat(f.effectiveDelay(2_000)).isEqualTo(Duration.ofSeconds(2));
            assertThat(f.effectiveDelay(3_600_000)).isEqualTo(Duration.ofSeconds(10));
            assertThat(f.effectiveDelay(10)).isEqualTo(Duration.ofMillis(100));
            assertThat(f.effectiveDelay(Long.MIN_VALUE)).isEqualTo(Duration.ofMillis(100));
        }
    }

    @Test
    void appliesCrawlDelayFromRobotsTxtBetweenRequests() {
        server.route("/robots.txt", text(200, "text/plain", "User-agent: *\nCrawl-delay: 1\n"));
        List<Long> starts = Collections.synchronizedList(new ArrayList<>());
        server.route("/p", ex -> {
            starts.add(System.nanoTime());
            respond(ex, 200, "text/html", PAGE);
        });
        try (PoliteFetcher f = polite(fast)) {
            f.fetch(FetchRequest.of(server.uri("/p")));
            f.fetch(FetchRequest.of(server.uri("/p")));
        }
        assertThat(Duration.ofNanos(starts.get(1) - starts.get(0))).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void limitsGlobalConcurrency() {
        server.route("/robots.txt", text(404, "text/plain", ""));
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        server.route("/p", ex -> {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            sleep(50);
            inFlight.decrementAndGet();
            respond(ex, 200, "text/html", PAGE);
        });
        try (PoliteFetcher f = polite(fast.withConcurrency(10, 2))) {
            List<CompletableFuture<FetchResult>> futures = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                futures.add(f.submit(FetchRequest.of(server.uri("/p"))));
            }
            futures.forEach(CompletableFuture::join);
        }
        assertThat(maxInFlight.get()).isEqualTo(2);
    }

    @Test
    void reportsEveryOutcomeToListenerAndMetrics() {
        server.route("/robots.txt", text(200, "text/plain", "User-agent: *\nDisallow: /no\n"));
        server.route("/ok", text(200, "text/html", "x"));
        server.route("/missing", text(404, "text/html", "x"));
        try (PoliteFetcher f = polite(fast)) {
            f.fetch(FetchRequest.of(server.uri("/ok")));
            f.fetch(FetchRequest.of(server.uri("/no")));
            f.fetch(FetchRequest.of(server.uri("/missing")));
        }
        assertThat(seen).extracting(FetchResult::status)
                .containsExactly(FetchStatus.OK, FetchStatus.ROBOTS_DENIED, FetchStatus.HTTP_ERROR);
        assertThat(registry.get("newsflow.fetch.results").tag("status", "robots_denied").counter().count()).isEqualTo(1.0);
        assertThat(registry.get("newsflow.fetch.results").tag("status", "ok").counter().count()).isEqualTo(1.0);
    }

    @Test
    void keepsFetchingWhenTheListenerThrows() {
        server.route("/robots.txt", text(404, "text/plain", ""));
        server.route("/ok", text(200, "text/html", "x"));
        try (PoliteFetcher f = PoliteFetcher.create(fetchOptions, fast, r -> {
            throw new IllegalStateException("status topic down");
        }, registry)) {
            assertThat(f.fetch(FetchRequest.of(server.uri("/ok"))).status()).isEqualTo(FetchStatus.OK);
        }
        assertThat(registry.get("newsflow.fetch.listener.failures").counter().count()).isEqualTo(1.0);
    }

    @Test
    void reportsInternalAddressesAsBlockedNotAsRobotsDenied() {
        server.route("/robots.txt", text(200, "text/plain", "User-agent: *\nAllow: /\n"));
        server.route("/p", text(200, "text/html", "x"));
        try (PoliteFetcher f = PoliteFetcher.create(FetchOptions.defaults(), fast, seen::add, registry)) {
            assertThat(f.fetch(FetchRequest.of(server.uri("/p"))).status()).isEqualTo(FetchStatus.BLOCKED);
        }
        assertThat(server.hits("/robots.txt")).isZero();
        assertThat(server.hits("/p")).isZero();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
