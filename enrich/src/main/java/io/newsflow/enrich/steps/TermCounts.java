package io.newsflow.enrich.steps;

import io.newsflow.enrich.keywords.DocumentFrequencies;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * A task's document frequencies: daily counts in a windowed store, with the counts of the articles
 * since the last flush kept in memory and added up there. An article adds ~170 terms; written one
 * by one that was ~170 store writes and changelog records per article. Kept in memory, a term
 * seen by many articles between two flushes costs one write, and the flush (on a wall-clock
 * punctuation, or early when too many distinct terms wait) writes each one once.
 *
 * <p>Reads see the store plus what waits in memory, so the frequencies are exactly those of
 * writing per article. Store sums are cached per term (LRU, bounded) for the current day and
 * kept current on flush, since one article looks up dozens of terms, most of them common.
 *
 * <p>The flush is spread: terms fall into {@code slices} slices by hash, and each punctuation writes the
 * next slice, so a term still reaches the store once per interval but the task stops for a slice at a
 * time. Flushed all at once, every 30 s, the flush held the task's articles for up to a second: the
 * slowest articles of a run at 5 articles/s were those that arrived during it, 30 s apart.
 *
 * <p>What waits in memory is not in the changelog: if the instance dies, up to one flush interval
 * of counts is lost (the articles themselves are not: exactly-once still holds for the output).
 * That under-counts the frequencies by a share of interval / retention, far below what moves an
 * IDF score. The same holds for a task that moves to another instance in a rebalance.
 *
 * <p>Without a store (the steps run in a plain loop, outside Kafka: {@link StepProvider.StoreLookup#NONE})
 * the flushed sums stay in memory, daily windows older than the retention dropped.
 */
final class TermCounts {

    /** Pseudo-term holding the number of documents counted (cannot collide: terms have no NUL). */
    static final String DOCUMENTS = "\u0000documents";
    static final Duration WINDOW = Duration.ofDays(1);

    private final WindowStore<String, Long> store;
    /** Window start → term → flushed count, when there is no store. */
    private final Map<Long, Map<String, Long>> flushed = new HashMap<>();
    private final Duration retention;
    private final int maxPendingTerms;
    /** Window start → slice → term → count not yet in the store (a slice's map is null when empty). */
    private final Map<Long, Map<String, Long>[]> pending = new HashMap<>();
    private final int slices;
    private int nextSlice;
    private int pendingTerms;
    /** Term → store sum over the windows of {@link #cacheDay}. */
    private final LinkedHashMap<String, Long> cache;
    private long cacheDay = Long.MIN_VALUE;
    /**
     * Term → its count in the store for window {@link #storedWindow}, the latest flushed: a flush
     * adds to what the previous one wrote, so a term met again need not be read back (the reads were
     * 45% of a flush). Only this task writes the store, so the memo cannot go stale.
     */
    private final LinkedHashMap<String, Long> stored;
    private long storedWindow = Long.MIN_VALUE;

    /** Counts flushed whole (one slice). */
    TermCounts(WindowStore<String, Long> store, Duration retention, int maxPendingTerms, int cacheTerms) {
        this(store, retention, maxPendingTerms, cacheTerms, 1);
    }

    /** Counts whose flush is spread over {@code slices} calls of {@link #flushNextSlice()}. */
    TermCounts(WindowStore<String, Long> store, Duration retention, int maxPendingTerms, int cacheTerms, int slices) {
        if (slices < 1) {
            throw new IllegalArgumentException("slices must be at least 1, not " + slices);
        }
        this.slices = slices;
        this.store = store;
        this.retention = retention;
        this.maxPendingTerms = maxPendingTerms;
        this.cache = lru(cacheTerms);
        this.stored = lru(cacheTerms);
    }

    private static LinkedHashMap<String, Long> lru(int max) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                return size() > max;
            }
        };
    }

    /** Counts one document containing {@code terms} (distinct), fetched at {@code at}. */
    void add(Iterable<String> terms, Instant at) {
        long window = windowOf(at.toEpochMilli());
        @SuppressWarnings("unchecked")
        Map<String, Long>[] counts = pending.computeIfAbsent(window, w -> new Map[slices]);
        increment(counts, DOCUMENTS);
        for (String term : terms) {
            increment(counts, term);
        }
        if (pendingTerms > maxPendingTerms) {
            flush();
        }
    }

    private void increment(Map<String, Long>[] counts, String term) {
        int slice = sliceOf(term);
        if (counts[slice] == null) {
            counts[slice] = new HashMap<>();
        }
        if (counts[slice].merge(term, 1L, Long::sum) == 1L) {
            pendingTerms++;
        }
    }

    private int sliceOf(String term) {
        return slices == 1 ? 0 : Math.floorMod(term.hashCode(), slices);
    }

    /** Writes everything that waits in memory into the store. */
    void flush() {
        for (int slice = 0; slice < slices; slice++) {
            flush(slice);
        }
    }

    /** Writes the next slice of what waits in memory: called {@code slices} times per flush interval. */
    void flushNextSlice() {
        flush(nextSlice);
        nextSlice = (nextSlice + 1) % slices;
    }

    /** Writes one slice into the store: one read and one write per distinct term and day. */
    private void flush(int slice) {
        Map<Long, Map<String, Long>> taken = new HashMap<>();
        for (var it = pending.entrySet().iterator(); it.hasNext(); ) {
            var byWindow = it.next();
            Map<String, Long>[] bySlice = byWindow.getValue();
            if (bySlice[slice] != null) {
                taken.put(byWindow.getKey(), bySlice[slice]);
                pendingTerms -= bySlice[slice].size();
                bySlice[slice] = null;
                if (Arrays.stream(bySlice).allMatch(Objects::isNull)) {
                    it.remove();
                }
            }
        }
        if (taken.isEmpty()) {
            return;
        }
        if (store == null) {
            flushInMemory(taken);
            return;
        }
        long latest = taken.keySet().stream().mapToLong(Long::longValue).max().orElse(Long.MIN_VALUE);
        if (latest > storedWindow) {
            stored.clear(); // the memo holds one window, the newest
            storedWindow = latest;
        }
        for (var byWindow : taken.entrySet()) {
            long window = byWindow.getKey();
            boolean cached = window > cacheDay - retention.toMillis() && window <= cacheDay;
            boolean memo = window == storedWindow;
            for (var e : byWindow.getValue().entrySet()) {
                Long current = memo ? stored.get(e.getKey()) : null;
                if (current == null) {
                    current = store.fetch(e.getKey(), window);
                }
                long total = (current == null ? 0 : current) + e.getValue();
                store.put(e.getKey(), total, window);
                if (memo) {
                    stored.put(e.getKey(), total);
                }
                if (cached) {
                    cache.computeIfPresent(e.getKey(), (t, sum) -> sum + e.getValue());
                }
            }
        }
    }

    private void flushInMemory(Map<Long, Map<String, Long>> taken) {
        long latest = Long.MIN_VALUE;
        for (var byWindow : taken.entrySet()) {
            latest = Math.max(latest, byWindow.getKey());
            Map<String, Long> into = flushed.computeIfAbsent(byWindow.getKey(), w -> new HashMap<>());
            byWindow.getValue().forEach((term, n) -> into.merge(term, n, Long::sum));
        }
        long oldest = latest - retention.toMillis();
        flushed.keySet().removeIf(window -> window <= oldest);
        cache.clear();
    }

    /** Distinct (term, day) counts waiting for the next flush. */
    int pendingTerms() {
        return pendingTerms;
    }

    /** Frequencies as of {@code now}: the daily windows within the retention, store plus memory. */
    DocumentFrequencies asOf(Instant now) {
        long to = now.toEpochMilli();
        long day = windowOf(to);
        // The windows of the last retention-days days, today's included: fixed for the whole day, so
        // a store sum can be cached for the day.
        long from = day - retention.toMillis() + 1;
        if (day != cacheDay) {
            cache.clear(); // another set of windows: every cached sum is stale
            cacheDay = day;
        }
        return new DocumentFrequencies() {
            @Override
            public long documents() {
                return frequency(DOCUMENTS);
            }

            @Override
            public long frequency(String term) {
                Long stored = cache.get(term);
                if (stored == null) {
                    stored = sum(term, from, to);
                    cache.put(term, stored);
                }
                long sum = stored;
                int slice = sliceOf(term);
                for (var byWindow : pending.entrySet()) {
                    Map<String, Long> counts = byWindow.getValue()[slice];
                    if (counts != null && byWindow.getKey() >= from && byWindow.getKey() <= to) {
                        sum += counts.getOrDefault(term, 0L);
                    }
                }
                return sum;
            }
        };
    }

    private long sum(String term, long from, long to) {
        long sum = 0;
        if (store == null) {
            for (var byWindow : flushed.entrySet()) {
                if (byWindow.getKey() >= from && byWindow.getKey() <= to) {
                    sum += byWindow.getValue().getOrDefault(term, 0L);
                }
            }
            return sum;
        }
        try (WindowStoreIterator<Long> it = store.fetch(term, Instant.ofEpochMilli(from), Instant.ofEpochMilli(to))) {
            while (it.hasNext()) {
                sum += it.next().value;
            }
        }
        return sum;
    }

    static long windowOf(long epochMillis) {
        return epochMillis - Math.floorMod(epochMillis, WINDOW.toMillis());
    }
}
