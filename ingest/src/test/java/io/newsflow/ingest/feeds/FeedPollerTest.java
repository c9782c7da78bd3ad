package io.newsflow.ingest.feeds;

import static io.newsflow.ingest.fetch.LoopbackServer.respond;
import static io.newsflow.ingest.fetch.LoopbackServer.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.ingest.fetch.FetchOptions;
import io.newsflow.ingest.fetch.FetchResult;
import io.newsflow.ingest.fetch.HttpFetcher;
import io.newsflow.ingest.fetch.LoopbackServer;
import io.newsflow.ingest.politeness.PoliteFetcher;
import io.newsflow.ingest.politeness.PolitenessOptions;
import io.newsflow.ingest.security.SsrfGuard;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FeedPollerTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private final LoopbackServer server = LoopbackServer.start();
    private final HttpFetcher fetcher = new HttpFetcher(FetchOptions.defaults()
            .withSsrfGuard(SsrfGuard.allowing(List.of("127.0.0.0/8")))
            .withHtmlOnly(false)
            .withRetries(1, Duration.ZERO, Duration.ZERO, Duration.ZERO));
    private final FeedPoller poller = new FeedPoller(fetcher, new FeedReader(), Duration.ofMinutes(10),
            Duration.ofHours(6), Clock.fixed(NOW, ZoneOffset.UTC));

    @AfterEach
    void stop() {
        fetcher.close();
        server.close();
    }

    @Test
    void sendsValidatorsOnNextPollAndReportsNotModified() {
        byte[] rss = Fixtures.bytes("rss2.xml");
        AtomicInteger full = new AtomicInteger();
        server.route("/feed.xml", ex -> {
            if ("\"abc\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                ex.sendResponseHeaders(304, -1);
                return;
            }
            full.incrementAndGet();
            ex.getResponseHeaders().add("ETag", "\"abc\"");
            ex.getResponseHeaders().add("Last-Modified", "Tue, 24 Nov 2026 06:30:00 GMT");
            respond(ex, 200, "application/rss+xml", rss);
        });
        URI feed = server.uri("/feed.xml");
        PollResult first = poller.poll(feed);
        assertThat(first.status()).isEqualTo(PollResult.Status.UPDATED);
        assertThat(first.items()).hasSize(2);
        assertThat(poller.state(feed).orElseThrow().etag()).isEqualTo("\"abc\"");
        PollResult second = poller.poll(feed);
        assertThat(second.status()).isEqualTo(PollResult.Status.NOT_MODIFIED);
        assertThat(second.items()).isEmpty();
        assertThat(full.get()).isEqualTo(1);
        assertThat(poller.state(feed).orElseThrow().lastModified()).isEqualTo("Tue, 24 Nov 2026 06:30:00 GMT");
    }

    @Test
    void schedulesNextPollAtTheIntervalAfterSuccess() {
        server.route("/feed.xml", text(200, "application/rss+xml", new String(Fixtures.bytes("rss2.xml"), StandardCharsets.UTF_8)));
        PollResult r = poller.poll(server.uri("/feed.xml"));
        assertThat(r.nextPollAt()).isBetween(NOW.plus(Duration.ofMinutes(9)), NOW.plus(Duration.ofMinutes(10)));
        assertThat(poller.due()).isEmpty();
    }

    @Test
    void adaptsEachFeedsIntervalToHowOftenItBringsNewItems() {
        AtomicReference<String> items = new AtomicReference<>("a b");
        server.route("/pace.xml", ex -> respond(ex, 200, "application/rss+xml", rss(items.get())));
        FeedPoller adaptive = new FeedPoller(fetcher, new FeedReader(), Duration.ofMinutes(10), Duration.ofMinutes(2),
                Duration.ofMinutes(60), Duration.ofHours(6), Clock.fixed(NOW, ZoneOffset.UTC));
        URI feed = server.uri("/pace.xml");
        assertThat(intervalAfterPoll(adaptive, feed)).as("first poll: nothing to compare with")
                .isEqualTo(Duration.ofMinutes(10));
        items.set("a b c");
        assertThat(intervalAfterPoll(adaptive, feed)).isEqualTo(Duration.ofMinutes(5));
        assertThat(intervalAfterPoll(adaptive, feed)).as("same items").isEqualTo(Duration.ofSeconds(450));
        items.set("b c");
        assertThat(intervalAfterPoll(adaptive, feed)).as("an item dropped, none new")
                .isEqualTo(Duration.ofSeconds(675));
        for (int i = 0; i < 10; i++) {
            intervalAfterPoll(adaptive, feed);
        }
        assertThat(adaptive.state(feed).orElseThrow().interval()).isEqualTo(Duration.ofMinutes(60));
        for (int i = 0; i < 10; i++) {
            items.set("n" + i + " " + items.get());
            intervalAfterPoll(adaptive, feed);
        }
        assertThat(adaptive.state(feed).orElseThrow().interval()).isEqualTo(Duration.ofMinutes(2));
        assertThat(poller.poll(feed).nextPollAt()).as("fixed intervals by default")
                .isBetween(NOW.plus(Duration.ofMinutes(9)), NOW.plus(Duration.ofMinutes(10)));
    }

    private static Duration intervalAfterPoll(FeedPoller poller, URI feed) {
        assertThat(poller.poll(feed).status()).isEqualTo(PollResult.Status.UPDATED);
        return poller.state(feed).orElseThrow().interval();
    }

    /** An RSS feed with one item per space-separated name. */
    private static byte[] rss(String names) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Pace</title>"
                + "<link>https://news.example.com/</link><description>d</description>");
        for (String name : names.split(" ")) {
            xml.append("<item><title>").append(name).append("</title><link>https://news.example.com/").append(name)
                    .append("</link></item>");
        }
        return xml.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void backsOffExponentiallyOnErrorsUpToTheCap() {
        server.route("/broken.xml", text(500, "text/plain", "oops"));
        URI feed = server.uri("/broken.xml");
        PollResult r1 = poller.poll(feed);
        PollResult r2 = poller.poll(feed);
        assertThat(r1.status()).isEqualTo(PollResult.Status.FAILED);
        assertThat(r1.reason()).contains("HTTP_ERROR");
        assertThat(r1.nextPollAt()).isBetween(NOW.plus(Duration.ofMinutes(18)), NOW.plus(Duration.ofMinutes(20)));
        assertThat(r2.nextPollAt()).isBetween(NOW.plus(Duration.ofMinutes(36)), NOW.plus(Duration.ofMinutes(40)));
        for (int i = 0; i < 10; i++) {
            poller.poll(feed);
        }
        FeedState s = poller.state(feed).orElseThrow();
        assertThat(s.consecutiveFailures()).isEqualTo(12);
        assertThat(s.nextPollAt()).isBeforeOrEqualTo(NOW.plus(Duration.ofHours(6)));
    }

    @Test
    void honoursRetryAfterLongerThanTheBackoff() {
        server.route("/busy.xml", ex -> {
            ex.getResponseHeaders().add("Retry-After", "7200");
            respond(ex, 429, "text/plain", "busy".getBytes(StandardCharsets.UTF_8));
        });
        PollResult r = poller.poll(server.uri("/busy.xml"));
        assertThat(r.nextPollAt()).isEqualTo(NOW.plus(Duration.ofHours(2)));
    }

    @Test
    void resetsBackoffAfterRecovery() {
        AtomicInteger calls = new AtomicInteger();
        byte[] rss = Fixtures.bytes("rss2.xml");
        server.route("/flaky.xml", ex -> respond(ex, calls.incrementAndGet() == 1 ? 503 : 200, "application/rss+xml", rss));
        URI feed = server.uri("/flaky.xml");
        poller.poll(feed);
        assertThat(poller.poll(feed).status()).isEqualTo(PollResult.Status.UPDATED);
        assertThat(poller.state(feed).orElseThrow().consecutiveFailures()).isZero();
    }

    @Test
    void failsMaliciousFeedWithoutReachingTheExternalEntity() {
        server.route("/secret", text(200, "text/plain", "root:x:0:0"));
        String evil = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM \"" + server.uri("/secret") + "\">]>"
                + "<rss version=\"2.0\"><channel><title>&xxe;</title><link>https://e.example/</link>"
                + "<description>x</description></channel></rss>";
        server.route("/evil.xml", text(200, "application/rss+xml", evil));
        PollResult r = poller.poll(server.uri("/evil.xml"));
        assertThat(r.status()).isEqualTo(PollResult.Status.FAILED);
        assertThat(server.hits("/secret")).isZero();
    }

    @Test
    void failsWhenTheFeedUrlNowServesHtml() {
        server.route("/moved.xml", text(200, "text/html", "<html><body>We moved</body></html>"));
        PollResult r = poller.poll(server.uri("/moved.xml"));
        assertThat(r.status()).isEqualTo(PollResult.Status.FAILED);
        assertThat(r.reason()).contains("not a feed");
    }

    @Test
    void pollsAllDueFeedsAndRestoresPersistedState() {
        server.route("/a.json", text(200, "application/feed+json", new String(Fixtures.bytes("feed.json"), StandardCharsets.UTF_8)));
        server.route("/b.xml", text(200, "application/atom+xml", new String(Fixtures.bytes("atom.xml"), StandardCharsets.UTF_8)));
        poller.add(server.uri("/a.json"));
        poller.add(server.uri("/b.xml"), Duration.ofMinutes(1));
        List<PollResult> results = poller.pollDue();
        assertThat(results).extracting(PollResult::status).containsOnly(PollResult.Status.UPDATED);
        assertThat(poller.due()).isEmpty();
        FeedState saved = poller.state(server.uri("/b.xml")).orElseThrow();
        FeedPoller restarted = new FeedPoller(fetcher, new FeedReader(), Duration.ofMinutes(10), Duration.ofHours(6),
                Clock.fixed(NOW, ZoneOffset.UTC));
        restarted.restore(saved);
        assertThat(restarted.due()).isEmpty();
        assertThat(restarted.nextDue()).contains(saved.nextPollAt());
    }

    @Test
    void pollsPolitelyThroughTheSharedPoliteFetcher() {
        server.route("/robots.txt", text(200, "text/plain", "User-agent: *\nDisallow: /private/\n"));
        server.route("/feed.xml", text(200, "application/rss+xml", new String(Fixtures.bytes("rss2.xml"), StandardCharsets.UTF_8)));
        server.route("/private/feed.xml", text(200, "application/rss+xml", "<rss/>"));
        List<FetchResult> statuses = new CopyOnWriteArrayList<>();
        FetchOptions pages = FetchOptions.defaults().withSsrfGuard(SsrfGuard.allowing(List.of("127.0.0.0/8")));
        try (PoliteFetcher polite = PoliteFetcher.create(pages, PolitenessOptions.defaults().withMinDelay(Duration.ZERO),
                statuses::add, new SimpleMeterRegistry())) {
            FeedPoller politePoller = new FeedPoller(polite.withDelegate(fetcher), new FeedReader(), Duration.ofMinutes(10),
                    Duration.ofHours(6), Clock.fixed(NOW, ZoneOffset.UTC));
            assertThat(politePoller.poll(server.uri("/feed.xml")).items()).hasSize(2);
            PollResult denied = politePoller.poll(server.uri("/private/feed.xml"));
            assertThat(denied.status()).isEqualTo(PollResult.Status.FAILED);
            assertThat(denied.reason()).startsWith("ROBOTS_DENIED");
        }
        assertThat(statuses).hasSize(2);
        assertThat(server.hits("/private/feed.xml")).isZero();
    }
}
