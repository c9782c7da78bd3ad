package io.newsflow.ingest.politeness;

import java.time.Duration;
import java.util.Objects;

/**
 * Politeness settings.
 *
 * @param minDelay           gap between the end of one request to a host and the start of the next
 * @param maxCrawlDelay      cap on a robots.txt Crawl-delay, so one site cannot stall its queue for hours
 * @param perHostConcurrency simultaneous requests per host (1 is the polite default)
 * @param globalConcurrency  simultaneous requests overall
 * @param robotsTtl          how long a fetched robots.txt is trusted (RFC 9309 suggests at most 24 h)
 * @param robotsFailureTtl   how long a 5xx/unreachable robots.txt (treated as disallow-all) is kept
 * @param robotsAgentName    product token matched against robots.txt User-agent lines
 * @param obeyRobots         false only for sources that are not crawled (e.g. explicitly configured feeds)
 * @param maxHosts           hosts whose robots.txt rules and idle politeness state are kept in memory;
 *                           beyond it the least recently used rules and idle hosts are dropped
 */
public record PolitenessOptions(Duration minDelay, Duration maxCrawlDelay, int perHostConcurrency,
                                int globalConcurrency, Duration robotsTtl, Duration robotsFailureTtl,
                                String robotsAgentName, boolean obeyRobots, int maxHosts) {

    /** Validates ranges so misconfiguration fails at startup. */
    public PolitenessOptions {
        Objects.requireNonNull(minDelay, "minDelay");
        Objects.requireNonNull(maxCrawlDelay, "maxCrawlDelay");
        Objects.requireNonNull(robotsTtl, "robotsTtl");
        Objects.requireNonNull(robotsFailureTtl, "robotsFailureTtl");
        Objects.requireNonNull(robotsAgentName, "robotsAgentName");
        if (perHostConcurrency < 1 || globalConcurrency < 1 || minDelay.isNegative() || robotsAgentName.isBlank()
                || maxHosts < 1) {
            throw new IllegalArgumentException("invalid politeness options: perHost=" + perHostConcurrency
                    + " global=" + globalConcurrency + " minDelay=" + minDelay + " agent='" + robotsAgentName + "'"
                    + " maxHosts=" + maxHosts);
        }
    }

    /**
     * One request per host at a time, 1 s apart, Crawl-delay capped at 30 s, 256 requests overall,
     * 100,000 hosts kept in memory (their robots.txt rules take a few KB each).
     */
    public static PolitenessOptions defaults() {
        return new PolitenessOptions(Duration.ofSeconds(1), Duration.ofSeconds(30), 1, 256, Duration.ofHours(24),
                Duration.ofMinutes(10), "newsflowbot", true, 100_000);
    }

    /** Copy with another minimum per-host delay. */
    public PolitenessOptions withMinDelay(Duration value) {
        return new PolitenessOptions(value, maxCrawlDelay, perHostConcurrency, globalConcurrency, robotsTtl,
                robotsFailureTtl, robotsAgentName, obeyRobots, maxHosts);
    }

    /** Copy with another Crawl-delay cap. */
    public PolitenessOptions withMaxCrawlDelay(Duration value) {
        return new PolitenessOptions(minDelay, value, perHostConcurrency, globalConcurrency, robotsTtl,
                robotsFailureTtl, robotsAgentName, obeyRobots, maxHosts);
    }

    /** Copy with other concurrency limits. */
    public PolitenessOptions withConcurrency(int perHost, int global) {
        return new PolitenessOptions(minDelay, maxCrawlDelay, perHost, global, robotsTtl, robotsFailureTtl,
                robotsAgentName, obeyRobots, maxHosts);
    }

    /** Copy that obeys or ignores robots.txt. */
    public PolitenessOptions withObeyRobots(boolean value) {
        return new PolitenessOptions(minDelay, maxCrawlDelay, perHostConcurrency, globalConcurrency, robotsTtl,
                robotsFailureTtl, robotsAgentName, value, maxHosts);
    }

    /** Copy keeping at most {@code value} hosts in memory. */
    public PolitenessOptions withMaxHosts(int value) {
        return new PolitenessOptions(minDelay, maxCrawlDelay, perHostConcurrency, globalConcurrency, robotsTtl,
                robotsFailureTtl, robotsAgentName, obeyRobots, value);
    }

    /** Copy with another robots.txt product token. */
    public PolitenessOptions withRobotsAgentName(String value) {
        return new PolitenessOptions(minDelay, maxCrawlDelay, perHostConcurrency, globalConcurrency, robotsTtl,
                robotsFailureTtl, value, obeyRobots, maxHosts);
    }
}
