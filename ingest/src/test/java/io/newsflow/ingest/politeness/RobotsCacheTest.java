package io.newsflow.ingest.politeness;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.ingest.fetch.FetchResult;
import io.newsflow.ingest.fetch.FetchStatus;
import io.newsflow.ingest.fetch.Fetcher;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * The cache's own bookkeeping (what it keeps and drops); robots.txt over HTTP is covered by
 * {@link PoliteFetcherTest} against a loopback server. Here robots.txt comes from an in-memory fetcher
 * that counts requests per host.
 */
class RobotsCacheTest {

    private final Map<String, Integer> fetches = new ConcurrentHashMap<>();
    private final Fetcher robotsTxt = request -> {
        fetches.merge(request.uri().getHost(), 1, Integer::sum);
        return new FetchResult(request.uri(), request.uri(), FetchStatus.OK, 200, "text/plain", Map.of(),
                "User-agent: *\nDisallow: /private/\n".getBytes(StandardCharsets.UTF_8), false, 1, Instant.now(),
                null);
    };
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    };

    private RobotsCache cache(int maxHosts) {
        return new RobotsCache(robotsTxt, "newsflowbot", Duration.ofHours(1), Duration.ofMinutes(1), clock, maxHosts);
    }

    private static URI page(String host) {
        return URI.create("https://" + host + "/news/story.html");
    }

    @Test
    void keepsAtMostMaxHostsDroppingTheLeastRecentlyUsed() {
        RobotsCache cache = cache(10);
        for (int i = 0; i < 100; i++) {
            assertThat(cache.isAllowed(page("site" + i + ".example"))).isTrue();
            assertThat(cache.isAllowed(page("often.example"))).isTrue();
            assertThat(cache.hostCount()).isLessThanOrEqualTo(10);
        }
        // Used all along, never dropped: fetched once. An early host was dropped: fetched again.
        assertThat(fetches.get("often.example")).isEqualTo(1);
        assertThat(cache.isAllowed(URI.create("https://site0.example/private/x"))).isFalse();
        assertThat(fetches.get("site0.example")).isEqualTo(2);
    }

    @Test
    void dropsExpiredRulesBeforeLiveOnes() {
        RobotsCache cache = cache(4);
        cache.isAllowed(page("old1.example"));
        cache.isAllowed(page("old2.example"));
        now = now.plus(Duration.ofHours(2));
        for (String host : new String[] {"new1.example", "new2.example", "new3.example"}) {
            cache.isAllowed(page(host));
        }
        assertThat(cache.hostCount()).isEqualTo(3);
        for (String host : new String[] {"new1.example", "new2.example", "new3.example"}) {
            cache.isAllowed(page(host));
            assertThat(fetches.get(host)).as(host).isEqualTo(1);
        }
    }
}
