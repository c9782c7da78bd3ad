package io.newsflow.schemas.topics;

import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/**
 * A Kafka topic together with the serdes of its keys and values, so no stage can read a topic
 * with the wrong format.
 *
 * @param name topic name, versioned (e.g. {@code news.raw.v1})
 * @param keySerde serde of record keys
 * @param valueSerde serde of record values
 * @param <K> key type
 * @param <V> value type
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {

    /** Validates that all parts are present. */
    public Topic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keySerde, "keySerde");
        Objects.requireNonNull(valueSerde, "valueSerde");
        if (name.isBlank()) {
            throw new IllegalArgumentException("topic name must not be blank");
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
