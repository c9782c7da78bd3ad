package io.newsflow.publish.trending;

import java.time.Duration;
import java.util.Objects;

/**
 * The time windows of trending.
 *
 * @param size how long each window is (default 1 h)
 * @param advance how often a new window starts (default 5 min): windows overlap, so a rise shows
 *                within minutes while each count still covers an hour
 * @param grace how late an article may arrive and still count in its window (default 10 min); a
 *              window's final result is emitted when stream time passes its end plus grace
 * @param baseline how far back the trailing baseline looks (mean age of its exponential decay, default 1 day)
 * @param history how long window counts stay queryable, for sparklines (default 6 h)
 */
public record TrendingWindows(Duration size, Duration advance, Duration grace, Duration baseline, Duration history) {

    /** 1 h windows every 5 min, 10 min grace, a day of baseline, 6 h of history. */
    public static final TrendingWindows DEFAULTS = new TrendingWindows(Duration.ofHours(1), Duration.ofMinutes(5),
            Duration.ofMinutes(10), Duration.ofDays(1), Duration.ofHours(6));

    /** Checks the windows make sense together. */
    public TrendingWindows {
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(advance, "advance");
        Objects.requireNonNull(grace, "grace");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(history, "history");
        if (advance.isZero() || advance.isNegative() || advance.compareTo(size) > 0) {
            throw new IllegalArgumentException("trending: advance " + advance + " must be over 0 and at most the window "
                    + size);
        }
        if (size.toMillis() % advance.toMillis() != 0) {
            throw new IllegalArgumentException("trending: the window " + size + " must be a multiple of the advance "
                    + advance);
        }
        if (grace.isNegative() || baseline.compareTo(advance) < 0) {
            throw new IllegalArgumentException("trending: grace must be 0 or more and the baseline at least one advance");
        }
    }

    /** How long the window store keeps windows: a window, its grace, and the history. */
    public Duration retention() {
        return size.plus(grace).plus(history);
    }

    /** How many panes (one advance long) a window is made of. */
    public int panesPerWindow() {
        return (int) (size.toMillis() / advance.toMillis());
    }

    /**
     * The start of the pane holding {@code timestamp}. Panes are one advance long and aligned like
     * the windows (on the epoch), so every window is exactly {@link #panesPerWindow()} whole panes
     * and a pane's start is also the start of the newest window holding it.
     */
    public long paneStart(long timestamp) {
        long a = advance.toMillis();
        return Math.floorDiv(timestamp, a) * a;
    }

    /** The stream time at which the window starting at {@code windowStart} closes: its end plus grace. */
    public long closesAt(long windowStart) {
        return windowStart + size.toMillis() + grace.toMillis();
    }

    /** The start of the newest window closed at stream time {@code streamTime}. */
    public long lastClosedStart(long streamTime) {
        return paneStart(streamTime - size.toMillis() - grace.toMillis());
    }

    /** The start of the newest window that covers a full {@code size} up to {@code at} (the "last hour"). */
    public long lastFullWindowStart(long at) {
        long a = advance.toMillis();
        return Math.floorDiv(at - size.toMillis(), a) * a + a;
    }
}
