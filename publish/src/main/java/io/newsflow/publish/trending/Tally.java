package io.newsflow.publish.trending;

import java.nio.ByteBuffer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * What one pane or window holds for one entity or topic: how many articles mention it and their summed
 * salience (or topic score). Immutable.
 *
 * @param articles distinct articles
 * @param weight summed salience or topic score
 */
public record Tally(int articles, double weight) {

    /** Nothing yet. */
    public static final Tally EMPTY = new Tally(0, 0);

    /** This tally plus one article of the given weight. */
    public Tally add(double articleWeight) {
        return new Tally(articles + 1, weight + articleWeight);
    }

    /** The tallies of two panes of one window together. */
    public Tally plus(Tally other) {
        return new Tally(articles + other.articles, weight + other.weight);
    }

    /** A fixed 12-byte encoding: it lives in the pane store and its changelog, read by this code only. */
    public static Serde<Tally> serde() {
        Serializer<Tally> out = (topic, t) -> t == null ? null
                : ByteBuffer.allocate(12).putInt(t.articles).putDouble(t.weight).array();
        Deserializer<Tally> in = (topic, b) -> {
            if (b == null) {
                return null;
            }
            ByteBuffer buf = ByteBuffer.wrap(b);
            return new Tally(buf.getInt(), buf.getDouble());
        };
        return Serdes.serdeFrom(out, in);
    }
}
