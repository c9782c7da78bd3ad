package io.newsflow.publish.trending;

import java.nio.ByteBuffer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The trailing weight per window of one entity or topic: an exponentially weighted mean over every
 * window up to {@code windowStart}, including the windows in which it did not appear (as zeros).
 *
 * @param weight the mean weight per window
 * @param windowStart the start of the last window folded in (epoch ms)
 */
public record Baseline(double weight, long windowStart) {

    /**
     * The baseline as it stands before the window starting at {@code start}: the windows since the
     * last update in which the entity did not appear count as zeros, so the weight decays by one
     * factor per skipped window.
     */
    public double before(long start, TrendingWindows windows) {
        long skipped = Math.max(0, (start - windowStart) / windows.advance().toMillis() - 1);
        return weight * Math.pow(decay(windows), skipped);
    }

    /** This baseline with the window starting at {@code start} folded in. */
    public Baseline fold(long start, double windowWeight, TrendingWindows windows) {
        double lambda = decay(windows);
        return new Baseline(lambda * before(start, windows) + (1 - lambda) * windowWeight, start);
    }

    /** Per-window decay: the baseline's mean age is {@code windows.baseline()}. */
    static double decay(TrendingWindows windows) {
        return Math.exp(-(double) windows.advance().toMillis() / windows.baseline().toMillis());
    }

    /**
     * The rising score of a window's weight against the baseline before it: a Poisson-style z-score,
     * {@code (weight - baseline) / sqrt(baseline + 1)}. The {@code + 1} keeps a first mention from
     * scoring as infinitely surprising; an entity with a large usual weight needs a large rise.
     */
    public static double score(double weight, double baseline) {
        return (weight - baseline) / Math.sqrt(baseline + 1);
    }

    /** A fixed 16-byte encoding, read by this code only. */
    public static Serde<Baseline> serde() {
        Serializer<Baseline> out = (topic, b) -> b == null ? null
                : ByteBuffer.allocate(16).putDouble(b.weight).putLong(b.windowStart).array();
        Deserializer<Baseline> in = (topic, b) -> {
            if (b == null) {
                return null;
            }
            ByteBuffer buf = ByteBuffer.wrap(b);
            return new Baseline(buf.getDouble(), buf.getLong());
        };
        return Serdes.serdeFrom(out, in);
    }
}
