package io.newsflow.publish.trending;

import io.newsflow.publish.topology.PublishStores;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.Entity;
import io.newsflow.schemas.avro.TopicTag;
import io.newsflow.schemas.avro.TrendingScore;
import io.newsflow.schemas.topics.Topic;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Suppressed;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;
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
 * each entity's own trailing baseline and written to the trending topic, once per window. The
 * window tallies stay queryable ({@link PublishStores#TRENDING_COUNTS}) for the HTTP API.
 */
public final class Trending {

    /** The key type of IPTC topics in trending keys ({@code TOPIC:politics}). */
    public static final String TOPIC = "TOPIC";

    private Trending() {
    }

    /** Adds trending over {@code articles} to {@code builder}, writing to {@code out}. */
    public static void addTo(StreamsBuilder builder, KStream<String, EnrichedArticle> articles,
                             TrendingWindows windows, Topic<String, TrendingScore> out) {
        builder.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(PublishStores.TRENDING_SEEN, windows.size().plus(windows.grace()),
                        windows.size().plus(windows.grace()), false), Serdes.String(), Serdes.Long()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(PublishStores.TRENDING_BASELINE), Serdes.String(), Baseline.serde()));
        articles.processValues(() -> new CountOnce(windows), Named.as("trending-count-once"), PublishStores.TRENDING_SEEN)
                .flatMap((id, article) -> mentions(article), Named.as("trending-mentions"))
                .groupByKey(Grouped.with("trending-by-entity", Serdes.String(), Serdes.Double()))
                .windowedBy(TimeWindows.ofSizeAndGrace(windows.size(), windows.grace()).advanceBy(windows.advance()))
                .aggregate(() -> Tally.EMPTY, (key, weight, tally) -> tally.add(weight), Named.as("trending-tally"),
                        Materialized.<String, Tally, WindowStore<Bytes, byte[]>>as(PublishStores.TRENDING_COUNTS)
                                .withKeySerde(Serdes.String()).withValueSerde(Tally.serde())
                                .withRetention(windows.retention()))
                // Final results only: one record per entity and window when the window closes, not
                // one per increment. The buffer holds the open windows' tallies (entities x windows).
                .suppress(Suppressed.untilWindowCloses(Suppressed.BufferConfig.unbounded()).withName("trending-final"))
                .toStream(Named.as("trending-closed"))
                .process(() -> new Score(windows), Named.as("trending-score"), PublishStores.TRENDING_BASELINE)
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

    /** Scores a closed window against the entity's baseline, then folds the window into it. */
    static final class Score implements Processor<Windowed<String>, Tally, String, TrendingScore> {
        private final TrendingWindows windows;
        private ProcessorContext<String, TrendingScore> context;
        private KeyValueStore<String, Baseline> baselines;

        Score(TrendingWindows windows) {
            this.windows = windows;
        }

        @Override
        public void init(ProcessorContext<String, TrendingScore> context) {
            this.context = context;
            this.baselines = context.getStateStore(PublishStores.TRENDING_BASELINE);
        }

        @Override
        public void process(Record<Windowed<String>, Tally> record) {
            String key = record.key().key();
            long start = record.key().window().start();
            Baseline held = baselines.get(key);
            double before = held == null ? 0 : held.before(start, windows);
            Baseline base = held == null ? new Baseline(0, start - windows.advance().toMillis()) : held;
            if (held == null || start > held.windowStart()) {
                baselines.put(key, base.fold(start, record.value().weight(), windows));
            }
            int colon = key.indexOf(':');
            TrendingScore score = TrendingScore.newBuilder()
                    .setType(key.substring(0, colon)).setName(key.substring(colon + 1))
                    .setWindowStart(Instant.ofEpochMilli(start))
                    .setWindowEnd(Instant.ofEpochMilli(record.key().window().end()))
                    .setArticles(record.value().articles()).setWeight(record.value().weight())
                    .setBaseline(before).setScore(Baseline.score(record.value().weight(), before))
                    .build();
            context.forward(new Record<>(key, score, record.timestamp()));
        }
    }
}
