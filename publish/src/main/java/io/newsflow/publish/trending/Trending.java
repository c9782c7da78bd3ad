package io.newsflow.publish.trending;

import io.newsflow.publish.topology.PublishStores;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.Entity;
import io.newsflow.schemas.avro.TopicTag;
import io.newsflow.schemas.avro.TrendingScore;
import io.newsflow.schemas.deadletter.DeadLetterCounter;
import io.newsflow.schemas.topics.Topic;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * The trending part of the publish topology: each distinct, non-duplicate article adds its
 * entities (weighted by salience) and IPTC topics (weighted by score) to hopping windows; when a
 * window closes (its end plus grace has passed in stream time) its final tallies are scored against
 * each entity's own trailing baseline and written to the trending topic, once per window.
 *
 * <p>The windows overlap (1 h every 5 min: each moment is in 12 of them), so they are not counted
 * one by one. A mention is added to the one pane (a tumbling window one advance long) it falls in,
 * and a window's tally is the sum of its panes, taken when it closes ({@link Panes}). The panes
 * stay queryable ({@link PublishStores#TRENDING_PANES}) for the HTTP API, which sums them the same
 * way.
 */
public final class Trending {

    /** The key type of IPTC topics in trending keys ({@code TOPIC:politics}). */
    public static final String TOPIC = "TOPIC";

    /**
     * The operation counting mentions dropped as late: {@code late-mention-total} in group
     * {@code stream-newsflow-metrics}, tagged {@code newsflow-id=trending}.
     */
    public static final String LATE = "late-mention";

    private Trending() {
    }

    /** Adds trending over {@code articles} to {@code builder}, writing to {@code out}. */
    public static void addTo(StreamsBuilder builder, KStream<String, EnrichedArticle> articles,
                             TrendingWindows windows, Topic<String, TrendingScore> out) {
        builder.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(PublishStores.TRENDING_SEEN, windows.size().plus(windows.grace()),
                        windows.size().plus(windows.grace()), false), Serdes.String(), Serdes.Long()));
        builder.addStateStore(Stores.windowStoreBuilder(
                        Stores.persistentWindowStore(PublishStores.TRENDING_PANES, windows.retention(),
                                windows.advance(), false), Serdes.String(), Tally.serde())
                // The cache folds a commit interval's mentions of a key into one changelog record.
                .withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(PublishStores.TRENDING_BASELINE), Serdes.String(), Baseline.serde()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(PublishStores.TRENDING_CLOSED), Serdes.String(), Serdes.Long()));
        articles.processValues(() -> new CountOnce(windows), Named.as("trending-count-once"), PublishStores.TRENDING_SEEN)
                .flatMap((id, article) -> mentions(article), Named.as("trending-mentions"))
                // By entity, so that all of an entity's mentions are counted and scored in one task.
                .repartition(Repartitioned.<String, Double>as("trending-by-entity")
                        .withKeySerde(Serdes.String()).withValueSerde(Serdes.Double()))
                .process(() -> new CountAndClose(windows), Named.as("trending-count"), PublishStores.TRENDING_PANES,
                        PublishStores.TRENDING_BASELINE, PublishStores.TRENDING_CLOSED)
                .to(out.name(), Produced.with(out.keySerde(), out.valueSerde()).withName("write-trending"));
    }

    /** The trending key of an entity or topic: {@code TYPE:name}. */
    public static String key(String type, String name) {
        return type + ":" + name;
    }

    /** What an article adds to trending: each entity and topic once, with its weight. */
    static List<KeyValue<String, Double>> mentions(EnrichedArticle article) {
        Map<String, Double> weights = new LinkedHashMap<>();
        for (Entity e : article.getEntities()) {
            weights.merge(key(e.getType().name(), e.getName()), e.getSalience(), Math::max);
        }
        for (TopicTag t : article.getTopics()) {
            weights.merge(key(TOPIC, t.getLabel()), t.getScore(), Math::max);
        }
        List<KeyValue<String, Double>> out = new ArrayList<>(weights.size());
        weights.forEach((k, w) -> out.add(KeyValue.pair(k, w)));
        return out;
    }

    /**
     * Lets an article through once: not a near-duplicate of an earlier article (the same story
     * counted again), not a revision (its first version counted), not an id seen within a window
     * and its grace (a replay).
     */
    static final class CountOnce implements FixedKeyProcessor<String, EnrichedArticle, EnrichedArticle> {
        private final long span;
        private FixedKeyProcessorContext<String, EnrichedArticle> context;
        private WindowStore<String, Long> seen;

        CountOnce(TrendingWindows windows) {
            this.span = windows.size().plus(windows.grace()).toMillis();
        }

        @Override
        public void init(FixedKeyProcessorContext<String, EnrichedArticle> context) {
            this.context = context;
            this.seen = context.getStateStore(PublishStores.TRENDING_SEEN);
        }

        @Override
        public void process(FixedKeyRecord<String, EnrichedArticle> record) {
            EnrichedArticle a = record.value();
            if (a.getDuplicateOf() != null || a.getRevision() > 1 || record.key() == null) {
                return;
            }
            long ts = record.timestamp();
            try (WindowStoreIterator<Long> it = seen.fetch(record.key(), Instant.ofEpochMilli(ts - span),
                    Instant.ofEpochMilli(ts + span))) {
                if (it.hasNext()) {
                    return;
                }
            }
            seen.put(record.key(), ts, ts);
            context.forward(record);
        }
    }

    /**
     * Counts each mention into its pane and, as stream time passes a window's end plus grace,
     * closes that window: sums its panes, scores each key against its baseline (then folds the
     * window into the baseline) and forwards one {@link TrendingScore} per key. Which windows are
     * closed is kept in a store, so a restarted task neither repeats nor skips one.
     */
    static final class CountAndClose implements Processor<String, Double, String, TrendingScore> {
        /** The one key of {@link PublishStores#TRENDING_CLOSED} per task: the start of the last window closed. */
        static final String CLOSED_THROUGH = "closed-through";

        private final TrendingWindows windows;
        private ProcessorContext<String, TrendingScore> context;
        private WindowStore<String, Tally> panes;
        private KeyValueStore<String, Baseline> baselines;
        private KeyValueStore<String, Long> closed;
        private Long closedThrough;
        private Sensor late;

        CountAndClose(TrendingWindows windows) {
            this.windows = windows;
        }

        @Override
        public void init(ProcessorContext<String, TrendingScore> context) {
            this.context = context;
            this.panes = context.getStateStore(PublishStores.TRENDING_PANES);
            this.baselines = context.getStateStore(PublishStores.TRENDING_BASELINE);
            this.closed = context.getStateStore(PublishStores.TRENDING_CLOSED);
            this.closedThrough = closed.get(CLOSED_THROUGH);
            this.late = context.metrics().addRateTotalSensor(DeadLetterCounter.SCOPE, "trending", LATE,
                    Sensor.RecordingLevel.INFO);
        }

        @Override
        public void process(Record<String, Double> record) {
            long now = Math.max(context.currentStreamTimeMs(), record.timestamp());
            // Windows are closed before the mention is stored: storing it may advance the pane
            // store's own time and expire panes that windows still to be closed are made of.
            closeThrough(windows.lastClosedStart(now));
            long pane = windows.paneStart(record.timestamp());
            // The pane's start is also the start of the newest window holding it: once that window
            // has closed, every window the mention belongs to has, and it is dropped as late.
            if (windows.closesAt(pane) <= now) {
                late.record();
                return;
            }
            Tally held = panes.fetch(record.key(), pane);
            panes.put(record.key(), (held == null ? Tally.EMPTY : held).add(record.value()), pane);
        }

        /** Closes every window up to the one starting at {@code last}. */
        private void closeThrough(long last) {
            if (closedThrough == null) {
                // The first mention this task has seen: no window before it has anything to close.
                remember(last);
                return;
            }
            if (last <= closedThrough) {
                return;
            }
            // Windows without any pane (a pause in stream time) are skipped, not read one by one.
            Panes.windows(panes, closedThrough + windows.advance().toMillis(), last, windows).forEach(
                    (start, tallies) -> tallies.forEach((key, tally) -> context.forward(score(key, start, tally))));
            remember(last);
        }

        private void remember(long last) {
            closedThrough = last;
            closed.put(CLOSED_THROUGH, last);
        }

        private Record<String, TrendingScore> score(String key, long start, Tally tally) {
            Baseline held = baselines.get(key);
            double before = held == null ? 0 : held.before(start, windows);
            Baseline base = held == null ? new Baseline(0, start - windows.advance().toMillis()) : held;
            if (held == null || start > held.windowStart()) {
                baselines.put(key, base.fold(start, tally.weight(), windows));
            }
            long end = start + windows.size().toMillis();
            int colon = key.indexOf(':');
            TrendingScore score = TrendingScore.newBuilder()
                    .setType(key.substring(0, colon)).setName(key.substring(colon + 1))
                    .setWindowStart(Instant.ofEpochMilli(start))
                    .setWindowEnd(Instant.ofEpochMilli(end))
                    .setArticles(tally.articles()).setWeight(tally.weight())
                    .setBaseline(before).setScore(Baseline.score(tally.weight(), before))
                    .build();
            // Stamped with the window's last millisecond, as a windowed aggregation's result carries
            // the newest record time inside the window.
            return new Record<>(key, score, end - 1);
        }
    }
}
