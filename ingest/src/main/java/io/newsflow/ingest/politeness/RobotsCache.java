package io.newsflow.ingest.politeness;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import io.newsflow.ingest.fetch.FetchRequest;
import io.newsflow.ingest.fetch.FetchResult;
import io.newsflow.ingest.fetch.FetchStatus;
import io.newsflow.ingest.fetch.Fetcher;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * robots.txt rules per scheme/host/port, fetched once and kept until they expire. Concurrent
 * callers for the same host wait for one fetch instead of each fetching robots.txt. At most
 * {@code maxHosts} hosts are kept: beyond that, expired rules and then the least recently used ones
 * are dropped (a dropped host's robots.txt is simply fetched again when it is next needed), so a
 * long-running crawl over ever new hosts does not grow without bound.
 */
public final class RobotsCache {

    private final Fetcher fetcher;
    private final List<String> agentNames;
    private final Duration ttl;
    private final Duration failureTtl;
    private final Clock clock;
    private final int maxHosts;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    /** Orders uses, for dropping the least recently used hosts. */
    private final AtomicLong uses = new AtomicLong();
    /** Held by the one caller trimming the cache; the others go on. */
    private final ReentrantLock trimming = new ReentrantLock();

    /**
     * Creates a cache. {@code fetcher} must accept non-HTML bodies (robots.txt is text/plain).
     *
     * @param agentName robots.txt product token, e.g. {@code newsflowbot}
     * @param maxHosts  most hosts whose rules are kept
     */
    public RobotsCache(Fetcher fetcher, String agentName, Duration ttl, Duration failureTtl, Clock clock,
                       int maxHosts) {
        if (maxHosts < 1) {
            throw new IllegalArgumentException("maxHosts must be positive: " + maxHosts);
        }
        this.maxHosts = maxHosts;
        this.fetcher = fetcher;
        this.agentNames = List.copyOf(SimpleRobotRulesParser.sanitizeRobotNames(List.of(agentName)));
        this.ttl = ttl;
        this.failureTtl = failureTtl;
        this.clock = clock;
    }

    /** Rules governing {@code uri}, fetching robots.txt if not cached or expired; blocks while fetching. */
    public BaseRobotRules rulesFor(URI uri) {
        Entry entry = entries.computeIfAbsent(HostKey.of(uri), k -> new Entry());
        entry.lastUse = uses.incrementAndGet();
        if (entries.size() > maxHosts) {
            trim();
        }
        // A ReentrantLock, not synchronized, so waiting virtual threads do not pin carriers on JDK 21.
        entry.lock.lock();
        try {
            Instant now = clock.instant();
            if (entry.rules == null || !now.isBefore(entry.expires)) {
                load(entry, HostKey.robotsTxt(uri), now);
            }
            return entry.rules;
        } finally {
            entry.lock.unlock();
        }
    }

    /** True if robots.txt allows our agent to fetch {@code uri}. */
    public boolean isAllowed(URI uri) {
        return rulesFor(uri).isAllowed(uri.toString());
    }

    /** Sitemap URLs declared in the host's robots.txt. */
    public List<String> sitemaps(URI uri) {
        return List.copyOf(rulesFor(uri).getSitemaps());
    }

    /** Number of hosts whose rules are kept. */
    public int hostCount() {
        return entries.size();
    }

    /**
     * Brings the cache down to 90% of its bound, so that trimming runs once per tenth of it: expired
     * rules first, then the least recently used. Entries being fetched or read are left alone.
     */
    private void trim() {
        if (!trimming.tryLock()) {
            return;
        }
        try {
            int target = maxHosts - maxHosts / 10;
            Instant now = clock.instant();
            List<Map.Entry<String, Entry>> live = new ArrayList<>();
            for (Map.Entry<String, Entry> e : entries.entrySet()) {
                if (e.getValue().rules != null && !now.isBefore(e.getValue().expires)) {
                    drop(e);
                } else {
                    live.add(e);
                }
            }
            if (entries.size() > target) {
                live.sort(Comparator.comparingLong(e -> e.getValue().lastUse));
                for (int i = 0; i < live.size() && entries.size() > target; i++) {
                    drop(live.get(i));
                }
            }
        } finally {
            trimming.unlock();
        }
    }

    private void drop(Map.Entry<String, Entry> e) {
        Entry entry = e.getValue();
        // Not one that is being fetched (no rules yet) or read right now.
        if (entry.rules != null && entry.lock.tryLock()) {
            try {
                entries.remove(e.getKey(), entry);
            } finally {
                entry.lock.unlock();
            }
        }
    }

    private void load(Entry entry, URI robotsUri, Instant now) {
        FetchResult r = fetcher.fetch(FetchRequest.of(robotsUri));
        SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
        if (r.hasBody()) {
            entry.rules = parser.parseContent(robotsUri.toString(), r.body(), r.contentType(), agentNames);
            entry.expires = now.plus(ttl);
        } else if (isAbsent(r)) {
            entry.rules = parser.failedFetch(404); // no robots.txt: everything allowed (RFC 9309 2.3.1.3)
            entry.expires = now.plus(ttl);
        } else if (r.status() == FetchStatus.BLOCKED) {
            // The SSRF guard refused robots.txt; the page fetch will meet the same guard and be
            // reported as BLOCKED, which says more than a robots denial would.
            entry.rules = parser.failedFetch(404);
            entry.expires = now.plus(failureTtl);
        } else {
            // Unreachable or 5xx: assume complete disallow for a short while (RFC 9309 2.3.1.4).
            entry.rules = parser.failedFetch(503);
            entry.expires = now.plus(failureTtl);
        }
    }

    private static boolean isAbsent(FetchResult r) {
        if (r.status() == FetchStatus.TOO_MANY_REDIRECTS) {
            return true; // RFC 9309: beyond five redirects robots.txt may be treated as unavailable
        }
        return r.status() == FetchStatus.HTTP_ERROR && r.httpStatus() >= 400 && r.httpStatus() < 500
                && r.httpStatus() != 429;
    }

    /** Cached rules of one host. */
    private static final class Entry {
        private final ReentrantLock lock = new ReentrantLock();
        private volatile BaseRobotRules rules;
        private volatile Instant expires = Instant.MIN;
        private volatile long lastUse;
    }
}
