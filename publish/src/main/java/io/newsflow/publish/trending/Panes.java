package io.newsflow.publish.trending;

import java.time.Instant;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Reads hopping windows out of the pane store ({@code PublishStores.TRENDING_PANES}): a window's
 * tally is the sum of the tallies of the panes it is made of. Counting in panes writes one update
 * per mention where counting in the windows themselves wrote one per window holding it (12 with
 * the defaults), and the sum is the same, because an article is counted once and falls in exactly
 * one pane.
 */
public final class Panes {

    private Panes() {
    }

    /** Every key's tally in the window starting at {@code windowStart}, by key. */
    public static Map<String, Tally> window(ReadOnlyWindowStore<String, Tally> panes, long windowStart,
                                            TrendingWindows windows) {
        return windows(panes, windowStart, windowStart, windows).getOrDefault(windowStart, Map.of());
    }

    /**
     * Every key's tally in each window starting from {@code firstStart} to {@code lastStart}, by
     * window start then key; windows without any tally are left out. One scan over the panes: each
     * adds to every window in the range that holds it.
     */
    public static NavigableMap<Long, Map<String, Tally>> windows(ReadOnlyWindowStore<String, Tally> panes,
                                                                 long firstStart, long lastStart,
                                                                 TrendingWindows windows) {
        long step = windows.advance().toMillis();
        long size = windows.size().toMillis();
        NavigableMap<Long, Map<String, Tally>> out = new TreeMap<>();
        try (KeyValueIterator<Windowed<String>, Tally> it = panes.fetchAll(Instant.ofEpochMilli(firstStart),
                Instant.ofEpochMilli(lastStart + size - step))) {
            while (it.hasNext()) {
                KeyValue<Windowed<String>, Tally> kv = it.next();
                long pane = kv.key.window().start();
                for (long start = Math.max(firstStart, pane - size + step); start <= Math.min(lastStart, pane);
                        start += step) {
                    out.computeIfAbsent(start, s -> new TreeMap<>()).merge(kv.key.key(), kv.value, Tally::plus);
                }
            }
        }
        return out;
    }

    /**
     * One key's weight in {@code count} consecutive windows, the first starting at
     * {@code firstStart}; 0 where it has none.
     */
    public static double[] weights(ReadOnlyWindowStore<String, Tally> panes, String key, long firstStart, int count,
                                   TrendingWindows windows) {
        long step = windows.advance().toMillis();
        int perWindow = windows.panesPerWindow();
        // Pane weights from the first window's first pane to the last window's last pane, then a
        // running sum over perWindow of them per window.
        double[] pane = new double[count + perWindow - 1];
        try (WindowStoreIterator<Tally> it = panes.fetch(key, Instant.ofEpochMilli(firstStart),
                Instant.ofEpochMilli(firstStart + (pane.length - 1) * step))) {
            while (it.hasNext()) {
                KeyValue<Long, Tally> kv = it.next();
                int i = (int) ((kv.key - firstStart) / step);
                if (i >= 0 && i < pane.length) {
                    pane[i] = kv.value.weight();
                }
            }
        }
        double[] out = new double[count];
        double sum = 0;
        for (int i = 0; i < pane.length; i++) {
            sum += pane[i];
            if (i >= perWindow) {
                sum -= pane[i - perWindow];
            }
            if (i >= perWindow - 1) {
                out[i - perWindow + 1] = sum;
            }
        }
        return out;
    }
}
