package io.newsflow.schemas.serde;

import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Wraps a registry serde so that record headers never reach it and its failures are classified.
 *
 * <p>Why: the registry deserializer reads hints such as {@code apicurio.value.encoding} from a
 * record's headers and, being shared by all partitions of a task, keeps what it read; one hostile
 * header then made every later record undecodable. Newsflow's records carry the schema id in the
 * value (Confluent wire format), so headers are never needed to read or write them.
 *
 * @param <T> the value type
 */
final class HeaderBlindSerde<T> implements Serde<T> {

    private final Serializer<T> serializer;
    private final Deserializer<T> deserializer;

    HeaderBlindSerde(Serde<T> inner) {
        Serializer<T> s = inner.serializer();
        Deserializer<T> d = inner.deserializer();
        this.serializer = new Serializer<>() {
            @Override
            public byte[] serialize(String topic, T data) {
                try {
                    return s.serialize(topic, data);
                } catch (RuntimeException e) {
                    throw RegistryErrors.classify(topic, e);
                }
            }

            @Override
            public byte[] serialize(String topic, Headers headers, T data) {
                return serialize(topic, data);
            }

            @Override
            public void close() {
                s.close();
            }
        };
        this.deserializer = new Deserializer<>() {
            @Override
            public T deserialize(String topic, byte[] data) {
                try {
                    return d.deserialize(topic, data);
                } catch (RuntimeException e) {
                    throw RegistryErrors.classify(topic, e);
                }
            }

            @Override
            public T deserialize(String topic, Headers headers, byte[] data) {
                return deserialize(topic, data);
            }

            @Override
            public void close() {
                d.close();
            }
        };
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        // The wrapped serde is configured by its factory.
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }
}
