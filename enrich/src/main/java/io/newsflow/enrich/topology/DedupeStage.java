package io.newsflow.enrich.topology;

import io.newsflow.enrich.dedupe.NearDuplicateIndex;
import io.newsflow.enrich.steps.StepSettings;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.topics.Topics;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * Revisions and near-duplicates, spread over all partitions: a scatter-gather over LSH bands.
 *
 * <ol>
 *   <li>{@link DedupeScatter}, where the article was enriched: computes its MinHash signature, its
 *   buckets (one per LSH band, keyed by the band's hash, and one keyed by the exact text hash) and
 *   sends one probe to each partition of {@code dedupe-bands} that owns some of them, naming them
 *   ({@link BandPartitioner}); the article itself goes ahead keyed by its id.</li>
 *   <li>{@link DedupeBandSearch}, on the partition owning the buckets: compares the probe with the
 *   earlier articles of its buckets, answers with the best match (keyed by the article id), then
 *   joins the buckets.</li>
 *   <li>{@link DedupeGather}, on the partition of the article id (repartition {@code dedupe-gather}):
 *   waits for the article and all its answers, keeps the best match, sets the revision and
 *   publishes.</li>
 * </ol>
 *
 * <p>{@code dedupe-bands} has a fixed number of partitions, {@code dedupe.partitions} (the scatter must
 * know it to group buckets by partition): it bounds how many tasks share the search, like the partitions
 * of the raw topic bound the steps, so it should be at least that number. Changing it moves buckets to
 * other partitions, as changing a topic's partitions moves keys: reset the application, or accept that
 * copies of articles from before the change are not found.
 *
 * <p>Two copies share their bucket wherever each arrived, so a copy is found whatever partition it
 * came in on, and every stage is keyed so that it runs on all partitions of all instances. Same
 * signatures, bands and threshold as the single-partition search it replaces, so the same pairs
 * are found (see {@code DedupeStageTest}).
 */
final class DedupeStage {

    /** Band key (or {@code hash:} + text hash) → id and signature of the articles with it. */
    static final String BUCKETS = "dedupe-band-buckets";
    /** Article id → revision and content hash. */
    static final String SIGNATURES = "dedupe-signatures";
    /** Article id and round → the article waiting for its answers. */
    static final String PENDING = "dedupe-pending";

    private DedupeStage() {
    }

    /** Adds the stage after {@code articles}; returns the marked articles and the stage's dead letters. */
    static KStream<String, Outcome> build(StreamsBuilder builder, KStream<String, EnrichedArticle> articles,
                                          Topics topics, StepSettings settings) {
        Duration retention = Duration.ofDays(settings.getInt("dedupe.retention-days", 7));
        double threshold = settings.getDouble("dedupe.threshold", NearDuplicateIndex.DEFAULT_THRESHOLD);
        int partitions = settings.getInt("dedupe.partitions", EnrichTopology.DEFAULT_DEDUPE_PARTITIONS);
        if (partitions < 1) {
            throw new IllegalArgumentException("enrich.dedupe.partitions must be at least 1, not " + partitions);
        }
        Duration segment = Duration.ofHours(1);
        builder.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(BUCKETS, retention.plus(segment), segment, true),
                Serdes.String(), Serdes.ByteArray()));
        builder.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(SIGNATURES, retention.plus(segment), segment, false),
                Serdes.String(), Serdes.String()));
        // Entries live from an article's arrival to its last answer: milliseconds to seconds.
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PENDING),
                Serdes.String(), Serdes.ByteArray()).withCachingEnabled());

        Serde<DedupeMessage> serde = DedupeMessage.serde();
        var parts = articles
                .process(() -> new DedupeScatter(topics, partitions), Named.as("dedupe-scatter"))
                .split(Named.as("dedupe-"))
                .branch((id, m) -> m instanceof DedupeMessage.Probe, Branched.as("probes"))
                .defaultBranch(Branched.as("articles"));
        KStream<String, DedupeMessage> answers = parts.get("dedupe-probes")
                .repartition(Repartitioned.with(Serdes.String(), serde).withName("dedupe-bands")
                        .withNumberOfPartitions(partitions).withStreamPartitioner(new BandPartitioner()))
                .process(() -> new DedupeBandSearch(threshold, retention), Named.as("dedupe-band-search"), BUCKETS);
        return parts.get("dedupe-articles")
                .merge(answers, Named.as("dedupe-articles-and-answers"))
                .repartition(Repartitioned.with(Serdes.String(), serde).withName("dedupe-gather"))
                .process(() -> new DedupeGather(topics, retention), Named.as("dedupe"), PENDING, SIGNATURES);
    }
}
