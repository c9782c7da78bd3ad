package io.newsflow.publish.topology;

import io.newsflow.publish.json.JsonProjection;
import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.deadletter.DeadLetterCounter;
import io.newsflow.schemas.deadletter.DeadLetters;
import io.newsflow.schemas.serde.RecordLimits;
import io.newsflow.schemas.serde.RegistryRetry;
import io.newsflow.schemas.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.errors.TaskCorruptedException;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * The publish topology: {@code news.enriched.v1} → JSON projection on
 * {@code news.enriched.json.v1}; an enriched record that cannot be decoded or projected, or whose
 * projection is over the record size limit → {@code news.dlq.v1}.
 */
public final class PublishTopology {

    private PublishTopology() {
    }

    /** Builds the topology over the given topic registry, with the default record size limit. */
    public static Topology build(Topics topics) {
        return build(topics, RecordLimits.DEFAULT_MAX_VALUE_BYTES, Duration.ofSeconds(30));
    }

    /**
     * Builds the topology over the given topic registry. A JSON line over {@code maxRecordBytes}
     * becomes a dead letter; a record that cannot be decoded while the registry is away waits up to
     * {@code registryWait} per try (see {@link RegistryRetry}).
     */
    public static Topology build(Topics topics, int maxRecordBytes, Duration registryWait) {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, byte[]> enriched = builder.stream(topics.enriched().name(),
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("read-enriched"));
        enriched.processValues(() -> new Project(topics, maxRecordBytes, new RegistryRetry(registryWait)),
                        Named.as("project-json"))
                .split(Named.as("projection-"))
                .branch((k, v) -> v instanceof String, Branched.withConsumer(ok -> ok
                        .mapValues(v -> (String) v, Named.as("as-json"))
                        .to(topics.enrichedJson().name(), Produced.with(topics.enrichedJson().keySerde(),
                                RecordLimits.capped(topics.enrichedJson().valueSerde(), maxRecordBytes))
                                .withName("write-json")), "json"))
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
        private final int maxRecordBytes;
        private final RegistryRetry registryRetry;
        private FixedKeyProcessorContext<String, Object> context;
        private Deserializer<EnrichedArticle> deserializer;

        Project(Topics topics, int maxRecordBytes, RegistryRetry registryRetry) {
            this.topics = topics;
            this.maxRecordBytes = maxRecordBytes;
            this.registryRetry = registryRetry;
        }

        @Override
        public void init(FixedKeyProcessorContext<String, Object> context) {
            this.context = context;
            this.deserializer = topics.enriched().valueSerde().deserializer();
        }

        @Override
        public void process(FixedKeyRecord<String, byte[]> record) {
            try {
                EnrichedArticle article = registryRetry.call(
                        () -> deserializer.deserialize(topics.enriched().name(), record.value()), context.taskId());
                if (article == null) {
                    throw new IllegalArgumentException("null value (tombstone) on the enriched topic");
                }
                String json = JsonProjection.toJsonLine(article);
                // Checked here, not left to the broker: a refused record would stop an exactly-once
                // application (see RecordLimits). UTF-8 takes at most 3 bytes per char.
                if ((long) json.length() * 3 > maxRecordBytes
                        && json.getBytes(StandardCharsets.UTF_8).length > maxRecordBytes) {
                    fail(record, "publish.json", "JSON projection of " + json.length()
                            + " chars is over the record limit of " + maxRecordBytes + " bytes", null);
                    return;
                }
                context.forward(record.withValue(json).withHeaders(new RecordHeaders()));
            } catch (TaskCorruptedException e) {
                throw e;
            } catch (RuntimeException e) {
                fail(record, "publish.json", "cannot project enriched record: " + e, e);
            }
        }

        private void fail(FixedKeyRecord<String, byte[]> record, String stage, String reason, Throwable error) {
            DeadLetters.Letter letter = DeadLetters.forRecord(stage, reason, error, context.recordMetadata(),
                    record.key(), record.value(), record.headers(), record.key(), null);
            context.forward(record.withValue((Object) letter.value()).withHeaders(letter.headers()));
        }
    }
}
