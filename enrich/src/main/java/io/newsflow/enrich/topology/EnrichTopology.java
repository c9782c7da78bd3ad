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
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * The enrichment topology: {@code news.raw.v1} → steps (extract, language, entities, topics, ...)
 * → {@code news.enriched.v1}; anything that cannot be read or enriched → {@code news.dlq.v1}.
 *
 * <p>Raw values are read as bytes and decoded inside the processor, so a corrupt record becomes a
 * dead letter carrying its original bytes and offset instead of stopping the application.
 */
public final class EnrichTopology {

    /** Name of the processor that runs the steps. */
    public static final String PROCESSOR = "enrich-steps";

    private EnrichTopology() {
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
        outcomes.split(Named.as("outcome-"))
                .branch((id, o) -> o instanceof Outcome.Enriched, Branched.withConsumer(ok -> ok
                        .mapValues(o -> ((Outcome.Enriched) o).article(), Named.as("unwrap-enriched"))
                        .to(topics.enriched().name(), Produced.with(topics.enriched().keySerde(),
                                topics.enriched().valueSerde()).withName("write-enriched")), "enriched"))
                .defaultBranch(Branched.withConsumer(bad -> bad
                        .mapValues(o -> ((Outcome.Failed) o).letter(), Named.as("unwrap-dead-letter"))
                        .to(topics.deadLetters().name(), Produced.with(topics.deadLetters().keySerde(),
                                topics.deadLetters().valueSerde()).withName("write-dead-letters")), "failed"));
        return builder.build();
    }

}
