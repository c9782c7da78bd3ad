package io.newsflow.ingest.feeds;

import io.newsflow.ingest.fetch.FetchRequest;
import io.newsflow.ingest.fetch.FetchResult;
import io.newsflow.ingest.fetch.FetchStatus;
import io.newsflow.ingest.fetch.Fetcher;
import io.newsflow.ingest.fetch.RetryAfter;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.random.RandomGenerator;

/**
 * Polls feeds on a per-feed schedule with conditional GET (ETag / Last-Modified) and exponential
 * back-off on failures (honouring Retry-After). It keeps only scheduling state; deduplication of
 * items across polls belongs to the caller's seen-set.
 *
 * <p>Intervals may adapt to each feed's pace between a minimum and a maximum: halved after a poll
 * that brought items the previous one did not list, lengthened by half after one that brought none
 * (or was not modified), so busy feeds are read soon after they publish and quiet ones are left alone.
 */
public final class FeedPoller {

    private final Fetcher fetcher;
    private final FeedReader reader;
    private final Duration defaultInterval;
    private final Duration minInterval;
    private final Duration maxInterval;
    private final Duration maxBackoff;
    private final Clock clock;
    private final RandomGenerator random = RandomGenerator.getDefault();
    private final Map<URI, FeedState> states = new ConcurrentHashMap<>();
    /** Item URLs of each feed's last full response, to tell whether the next one brings new items. */
    private final Map<URI, Set<String>> lastItems = new ConcurrentHashMap<>();

    /**
     * Creates a poller. {@code fetcher} must accept non-HTML content (feeds are XML/JSON), e.g. a
     * {@code PoliteFetcher} over an {@code HttpFetcher} with {@code htmlOnly=false}.
     */
    public FeedPoller(Fetcher fetcher, FeedReader reader, Duration defaultInterval, Duration maxBackoff, Clock clock) {
        this(fetcher, reader, defaultInterval, defaultInterval, defaultInterval, maxBackoff, clock);
    }

    /**
     * Creates a poller whose feeds start at {@code defaultInterval} and adapt between {@code minInterval}
     * and {@code maxInterval} (equal bounds: fixed intervals); see the class comment.
     */
    public FeedPoller(Fetcher fetcher, FeedReader reader, Duration defaultInterval, Duration minInterval,
                      Duration maxInterval, Duration maxBackoff, Clock clock) {
        if (minInterval.compareTo(maxInterval) > 0 || minInterval.isNegative()) {
            throw new IllegalArgumentException("feed intervals must satisfy 0 <= min <= max: min=" + minInterval
                    + " max=" + maxInterval);
        }
        this.fetcher = fetcher;
        this.reader = reader;
        this.defaultInterval = defaultInterval;
        this.minInterval = minInterval;
        this.maxInterval = maxInterval;
        this.maxBackoff = maxBackoff;
        this.clock = clock;
    }

    /** Subscribes to a feed at the default interval; it is due immediately. No-op if already known. */
    public void add(URI feed) {
        add(feed, defaultInterval);
    }

    /** Subscribes to a feed at its own interval; it is due immediately. No-op if already known. */
    public void add(URI feed, Duration interval) {
        states.putIfAbsent(feed, FeedState.initial(feed, interval, clock.instant()));
    }

    /** Restores persisted state (validators, schedule, failure count), replacing what is known. */
    public void restore(FeedState state) {
        states.put(state.feed(), state);
    }

    /** Current state of a feed, if subscribed. */
    public Optional<FeedState> state(URI feed) {
        return Optional.ofNullable(states.get(feed));
    }

    /** Snapshot of all feed states, e.g. for persisting. */
    public Collection<FeedState> states() {
        return List.copyOf(states.values());
    }

    /** Feeds due now, most overdue first. */
    public List<URI> due() {
        Instant now = clock.instant();
        return states.values().stream()
                .filter(s -> !s.nextPollAt().isAfter(now))
                .sorted(Comparator.comparing(FeedState::nextPollAt))
                .map(FeedState::feed)
                .toList();
    }

    /** When the next feed becomes due, or empty if there are no feeds. */
    public Optional<Instant> nextDue() {
        return states.values().stream().map(FeedState::nextPollAt).min(Comparator.naturalOrder());
    }

    /** Polls every due feed concurrently on virtual threads and returns their results. */
    public List<PollResult> pollDue() {
        List<URI> due = due();
        List<PollResult> results = new ArrayList<>(due.size());
        try (ExecutorService exec = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<PollResult>> futures = due.stream().map(u -> exec.submit(() -> poll(u))).toList();
            for (Future<PollResult> f : futures) {
                results.add(join(f));
            }
        }
        return results;
    }

    /** Polls one feed now (subscribing it if unknown), updates its state and returns the outcome. */
    public PollResult poll(URI feed) {
        FeedState state = states.computeIfAbsent(feed, f -> FeedState.initial(f, defaultInterval, clock.instant()));
        FetchResult fetch = fetcher.fetch(new FetchRequest(feed, state.etag(), state.lastModified()));
        Instant now = clock.instant();
        if (fetch.status() == FetchStatus.NOT_MODIFIED) {
            return succeed(state, fetch, PollResult.Status.NOT_MODIFIED, List.of(), now);
        }
        if (!fetch.hasBody()) {
            return fail(state, fetch, fetch.status() + (fetch.reason() == null ? "" : ": " + fetch.reason()), now);
        }
        try {
            Feed parsed = reader.parse(fetch.body(), fetch.finalUri());
            return succeed(state, fetch, PollResult.Status.UPDATED, parsed.items(), now);
        } catch (FeedParseException e) {
            return fail(state, fetch, e.getMessage(), now);
        }
    }

    private PollResult succeed(FeedState s, FetchResult fetch, PollResult.Status status, List<FeedItem> items,
                               Instant now) {
        boolean fresh = status == PollResult.Status.UPDATED;
        String etag = fresh ? fetch.header("etag") : s.etag();
        String lastModified = fresh ? fetch.header("last-modified") : s.lastModified();
        Duration interval = adapt(s, fresh ? bringsNewItems(s.feed(), items) : Boolean.FALSE);
        Instant next = now.plus(jitter(interval));
        states.put(s.feed(), new FeedState(s.feed(), interval, etag, lastModified, next, 0, null));
        return new PollResult(s.feed(), status, items, fetch, next, null);
    }

    /**
     * True when {@code items} hold a URL the feed's previous full response did not; null when there is
     * no previous response to compare with (the first poll, or the first after a restart).
     */
    private Boolean bringsNewItems(URI feed, List<FeedItem> items) {
        Set<String> urls = new HashSet<>();
        items.forEach(i -> urls.add(i.url()));
        Set<String> before = lastItems.put(feed, urls);
        return before == null ? null : !before.containsAll(urls);
    }

    /** The feed's next interval: halved after new items, half as long again after none, within the bounds. */
    private Duration adapt(FeedState s, Boolean newItems) {
        if (newItems == null || minInterval.equals(maxInterval)) {
            return s.interval();
        }
        Duration next = newItems ? s.interval().dividedBy(2) : s.interval().multipliedBy(3).dividedBy(2);
        return next.compareTo(minInterval) < 0 ? minInterval : next.compareTo(maxInterval) > 0 ? maxInterval : next;
    }

    private PollResult fail(FeedState s, FetchResult fetch, String reason, Instant now) {
        int failures = s.consecutiveFailures() + 1;
        Duration wait = backoff(s.interval(), failures);
        Duration retryAfter = RetryAfter.parse(fetch.header("retry-after"), now);
        if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
            wait = retryAfter.compareTo(maxBackoff) > 0 ? maxBackoff : retryAfter;
        }
        Instant next = now.plus(wait);
        states.put(s.feed(), new FeedState(s.feed(), s.interval(), s.etag(), s.lastModified(), next, failures, reason));
        return new PollResult(s.feed(), PollResult.Status.FAILED, List.of(), fetch, next, reason);
    }

    /** interval * 2^failures, capped, with jitter so failing feeds do not retry in lockstep. */
    Duration backoff(Duration interval, int failures) {
        long base = Math.max(1, interval.toMillis());
        long exp = failures >= 31 ? Long.MAX_VALUE : base << Math.min(failures, 30);
        long capped = Math.min(exp < 0 ? Long.MAX_VALUE : exp, maxBackoff.toMillis());
        return jitter(Duration.ofMillis(capped));
    }

    /** Spreads polls by up to -10% so that feeds added together do not stay synchronised. */
    private Duration jitter(Duration d) {
        long ms = d.toMillis();
        long spread = ms / 10;
        return Duration.ofMillis(ms - (spread > 0 ? random.nextLong(spread + 1) : 0));
    }

    private static PollResult join(Future<PollResult> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while polling feeds", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("feed poll failed unexpectedly", e.getCause());
        }
    }
}
