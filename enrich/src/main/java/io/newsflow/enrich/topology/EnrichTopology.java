package io.newsflow.enrich.topology;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.deadletter.DeadLetterCounter;
import io.newsflow.schemas.serde.RecordLimits;
import io.newsflow.schemas.topics.Topics;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * The enrichment topology: {@code news.raw.v1} → steps (extract, language, entities, topics, ...)
 * → revision and near-duplicate marking (spread over all partitions) → {@code news.enriched.v1}; anything
 * that cannot be read or enriched → {@code news.dlq.v1}.
 *
 * <p>Raw values are read as bytes and decoded inside the processor, so a corrupt record becomes a
 * dead letter carrying its original bytes and offset instead of stopping the application.
 */
public final class EnrichTopology {

    /** Name of the processor that runs the steps. */
    public static final String PROCESSOR = "enrich-steps";
    /**
     * Partitions of the near-duplicate search when {@code enrich.dedupe.partitions} is not set: as many as
     * {@code topics create} gives each topic (see DedupeStage).
     */
    public static final int DEFAULT_DEDUPE_PARTITIONS = 6;

    private EnrichTopology() {
    }

    /** Sends failures to the dead-letter topic; returns the enriched articles. */
    private static KStream<String, EnrichedArticle> route(KStream<String, Outcome> outcomes, Topics topics,
                                                          String prefix) {
        var branches = outcomes.split(Named.as(prefix))
                .branch((id, o) -> o instanceof Outcome.Enriched, Branched.as("enriched"))
                .defaultBranch(Branched.as("failed"));
        branches.get(prefix + "failed")
                .mapValues(o -> ((Outcome.Failed) o).letter(), Named.as(prefix + "unwrap-dead-letter"))
                .processValues(DeadLetterCounter::new, Named.as(prefix + "count-dead-letters"))
                .to(topics.deadLetters().name(), Produced.with(topics.deadLetters().keySerde(),
                        topics.deadLetters().valueSerde()).withName(prefix + "write-dead-letters"));
        return branches.get(prefix + "enriched")
                .mapValues(o -> ((Outcome.Enriched) o).article(), Named.as(prefix + "unwrap-enriched"));
    }

    /** Builds the topology from its options. */
    public static Topology build(EnrichOptions options) {
        var topics = options.topics();
        StreamsBuilder builder = new StreamsBuilder();
        Set<String> storeNames = new LinkedHashSet<>();
        for (var provider : options.steps()) {
            for (StoreBuilder<? extends StateStore> store : provider.stores(options.settings())) {
                if (storeNames.add(store.name())) {
                    builder.addStateStore(store);
                }
            }
        }
        KStream<String, byte[]> raw = builder.stream(topics.raw().name(),
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("read-raw"));
        KStream<String, Outcome> outcomes = raw.process(
                () -> new EnrichProcessor(options, List.copyOf(storeNames)), Named.as(PROCESSOR),
                storeNames.toArray(String[]::new));
        boolean dedupe = !"false".equalsIgnoreCase(options.settings().values().getOrDefault("dedupe.enabled", "true"));
        KStream<String, EnrichedArticle> articles = route(outcomes, topics, "outcome-");
        if (dedupe) {
            // Near-duplicates can be on any partition: a scatter-gather over LSH bands finds them (see DedupeStage).
            articles = route(DedupeStage.build(builder, articles, topics, options.settings()), topics, "dedupe-outcome-");
        }
        // An oversized article becomes a dead letter before it reaches the producer (see RecordLimits).
        int maxRecordBytes = options.settings().getInt("max-record-bytes", RecordLimits.DEFAULT_MAX_VALUE_BYTES);
        articles.to(topics.enriched().name(), Produced.with(topics.enriched().keySerde(),
                RecordLimits.capped(topics.enriched().valueSerde(), maxRecordBytes)).withName("write-enriched"));
        return builder.build();
    }

}
