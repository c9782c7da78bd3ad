package io.newsflow.publish.topology.internal;

import io.newsflow.schemas.deadletter.DeadLetters;
import io.newsflow.schemas.serde.RegistryRetry;
import io.newsflow.schemas.topics.Topic;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.errors.TaskCorruptedException;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Decodes the Avro value of a topic read as bytes, so that a record that cannot be decoded becomes
 * a dead letter (stage {@code stage}) instead of stopping the application; emits the record or a
 * {@code DeadLetter}.
 *
 * @param <T> the record type
 */
public final class Decode<T> implements FixedKeyProcessor<String, byte[], Object> {
    private final Topic<String, T> topic;
    private final String stage;
    private final RegistryRetry registryRetry;
    private final boolean tombstonesAllowed;
    private FixedKeyProcessorContext<String, Object> context;
    private Deserializer<T> deserializer;

    /** Decodes {@code topic}'s values; a null value is a dead letter unless {@code tombstonesAllowed}. */
    public Decode(Topic<String, T> topic, String stage, RegistryRetry registryRetry, boolean tombstonesAllowed) {
        this.topic = topic;
        this.stage = stage;
        this.registryRetry = registryRetry;
        this.tombstonesAllowed = tombstonesAllowed;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Object> context) {
        this.context = context;
        this.deserializer = topic.valueSerde().deserializer();
    }

    @Override
    public void process(FixedKeyRecord<String, byte[]> record) {
        if (record.value() == null && tombstonesAllowed) {
            return; // A compaction tombstone of a compacted input: nothing happened to the article.
        }
        try {
            T value = registryRetry.call(() -> deserializer.deserialize(topic.name(), record.value()), context.taskId());
            if (value == null) {
                throw new IllegalArgumentException("null value (tombstone) on " + topic.name());
            }
            context.forward(record.withValue((Object) value).withHeaders(new RecordHeaders()));
        } catch (TaskCorruptedException e) {
            throw e;
        } catch (RuntimeException e) {
            DeadLetters.Letter letter = DeadLetters.forRecord(stage, "cannot decode record on " + topic.name() + ": " + e,
                    e, context.recordMetadata(), record.key(), record.value(), record.headers(), record.key(), null);
            context.forward(record.withValue((Object) letter.value()).withHeaders(letter.headers()));
        }
    }
}
