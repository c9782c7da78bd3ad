package io.newsflow.enrich.dedupe;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * In-memory reference of the near-duplicate lookup the enrich topology runs over its windowed state stores:
 * band key → ids, id → signature, evicting entries older than the retention. Not thread-safe (a stream task
 * owns one).
 */
public final class NearDuplicateIndex {

    /** Default similarity at or above which an article is marked a near-duplicate. */
    public static final double DEFAULT_THRESHOLD = 0.5;

    private record Entry(String id, Signature signature, long timestamp) {
    }

    private final double threshold;
    private final long retentionMillis;
    private final Map<String, Set<String>> bands = new HashMap<>();
    private final Map<String, Entry> byId = new HashMap<>();
    private final Deque<Entry> byTime = new ArrayDeque<>();

    /**
     * Creates an empty index.
     *
     * @param threshold similarity for a duplicate, in (0, 1]
     * @param retentionMillis how long an article stays findable (e.g. 7 days)
     */
    public NearDuplicateIndex(double threshold, long retentionMillis) {
        if (!(threshold > 0 && threshold <= 1) || retentionMillis <= 0) {
            throw new IllegalArgumentException("Bad index settings: threshold=" + threshold
                    + " retentionMillis=" + retentionMillis);
        }
        this.threshold = threshold;
        this.retentionMillis = retentionMillis;
    }

    /** Returns the most similar earlier article at or above the threshold, if any. */
    public Optional<DuplicateMatch> find(Signature signature, long now) {
        evict(now);
        Set<String> seen = new HashSet<>();
        DuplicateMatch best = null;
        for (String key : signature.bandKeys()) {
            for (String id : bands.getOrDefault(key, Set.of())) {
                if (!seen.add(id)) {
                    continue;
                }
                double s = byId.get(id).signature().similarity(signature);
                if (s >= threshold && (best == null || s > best.similarity())) {
                    best = new DuplicateMatch(id, s);
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** Makes an article findable; a re-added id (a revision) replaces its earlier signature. */
    public void add(String id, Signature signature, long timestamp) {
        remove(id);
        Entry e = new Entry(id, signature, timestamp);
        byId.put(id, e);
        byTime.addLast(e);
        for (String key : signature.bandKeys()) {
            bands.computeIfAbsent(key, k -> new HashSet<>()).add(id);
        }
    }

    /** Number of articles held. */
    public int size() {
        return byId.size();
    }

    private void evict(long now) {
        while (!byTime.isEmpty() && byTime.peekFirst().timestamp() < now - retentionMillis) {
            Entry e = byTime.pollFirst();
            if (byId.get(e.id()) == e) {
                remove(e.id());
            }
        }
    }

    private void remove(String id) {
        Entry old = byId.remove(id);
        if (old == null) {
            return;
        }
        for (String key : old.signature().bandKeys()) {
            Set<String> ids = bands.get(key);
            if (ids != null) {
                ids.remove(id);
                if (ids.isEmpty()) {
                    bands.remove(key);
                }
            }
        }
    }
}
