package io.newsflow.publish.topology;

import io.newsflow.publish.json.JsonProjection;
import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.deadletter.DeadLetterCounter;
import io.newsflow.schemas.deadletter.DeadLetters;
import io.newsflow.schemas.deadletter.DeadLetters.Origin;
import io.newsflow.schemas.topics.Topics;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The publish topology: {@code news.enriched.v1} → JSON projection on
 * {@code news.enriched.json.v1}; an enriched record that cannot be decoded → {@code news.dlq.v1}.
 */
public final class PublishTopology {

    private static final Logger LOG = LoggerFactory.getLogger(PublishTopology.class);

    private PublishTopology() {
    }

    /** Builds the topology over the given topic registry. */
    public static Topology build(Topics topics) {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, byte[]> enriched = builder.stream(topics.enriched().name(),
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("read-enriched"));
        enriched.processValues(() -> new Project(topics), Named.as("project-json"))
                .split(Named.as("projection-"))
                .branch((k, v) -> v instanceof String, Branched.withConsumer(ok -> ok
                        .mapValues(v -> (String) v, Named.as("as-json"))
                        .to(topics.enrichedJson().name(), Produced.with(topics.enrichedJson().keySerde(),
                                topics.enrichedJson().valueSerde()).withName("write-json")), "json"))
                .defaultBranch(Branched.withConsumer(bad -> bad
                        .mapValues(v -> (DeadLetter) v, Named.as("as-dead-letter"))
                        .processValues(DeadLetterCounter::new, Named.as("count-dead-letters"))
                        .to(topics.deadLetters().name(), Produced.with(topics.deadLetters().keySerde(),
                                topics.deadLetters().valueSerde()).withName("write-dead-letters")), "failed"));
        return builder.build();
    }

    /** Decodes and projects one record; emits a JSON string or a DeadLetter. */
    private static final class Project implements FixedKeyProcessor<String, byte[], Object> {
        private final Topics topics;
        private FixedKeyProcessorContext<String, Object> context;

        Project(Topics topics) {
            this.topics = topics;
        }

        @Override
        public void init(FixedKeyProcessorContext<String, Object> context) {
            this.context = context;
        }

        @Override
        public void process(FixedKeyRecord<String, byte[]> record) {
            try {
                EnrichedArticle article = topics.enriched().valueSerde().deserializer()
                        .deserialize(topics.enriched().name(), record.headers(), record.value());
                if (article == null) {
                    throw new IllegalArgumentException("null value (tombstone) on the enriched topic");
                }
                context.forward(record.withValue(JsonProjection.toJsonLine(article)));
            } catch (RuntimeException e) {
                Origin origin = Origin.of(context.recordMetadata());
                DeadLetter letter = DeadLetters.of("publish.json", "cannot project enriched record: " + e,
                        e, origin, record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8),
                        record.value(), record.key(), null);
                LOG.warn("dead letter: stage=publish.json topic={} partition={} offset={} reason={}",
                        origin.topic(), origin.partition(), origin.offset(), e.toString());
                DeadLetters.addHeaders(record.headers(), letter);
                context.forward(record.withValue(letter));
            }
        }
    }
}
