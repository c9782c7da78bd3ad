package io.newsflow.schemas.serde;

import java.util.Map;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Makes a too-large output a serialization failure instead of a broker refusal.
 *
 * <p>Why: under exactly-once, a record the broker refuses ({@code RecordTooLargeException} from the
 * producer) leaves the transactional producer in error, so even the dead letter that would report it
 * cannot be written and the application stops. A serializer that refuses an oversized value fails
 * before anything reaches the producer; Kafka Streams hands that to the production-exception
 * handler, which writes a (small) dead letter and goes on.
 */
public final class RecordLimits {

    /**
     * Default cap on a serialized value: under the 16 MiB {@code max.request.size} the services set,
     * leaving room for the key, headers and batch overhead.
     */
    public static final int DEFAULT_MAX_VALUE_BYTES = 15 * 1024 * 1024;

    private RecordLimits() {
    }

    /** {@code serde} whose serializer throws {@link RecordTooLargeException} above {@code maxBytes}. */
    public static <T> Serde<T> capped(Serde<T> serde, int maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
        Serializer<T> inner = serde.serializer();
        Serializer<T> checked = new Serializer<>() {
            @Override
            public byte[] serialize(String topic, T data) {
                return check(topic, inner.serialize(topic, data), maxBytes);
            }

            @Override
            public byte[] serialize(String topic, Headers headers, T data) {
                return check(topic, inner.serialize(topic, headers, data), maxBytes);
            }

            @Override
            public void close() {
                inner.close();
            }
        };
        Deserializer<T> deserializer = serde.deserializer();
        return new Serde<>() {
            @Override
            public void configure(Map<String, ?> configs, boolean isKey) {
                // Configured by whoever built the wrapped serde.
            }

            @Override
            public Serializer<T> serializer() {
                return checked;
            }

            @Override
            public Deserializer<T> deserializer() {
                return deserializer;
            }
        };
    }

    /** Reads a positive byte count from a setting, or the default when absent or blank. */
    public static int maxValueBytes(Object setting) {
        if (setting == null || setting.toString().isBlank()) {
            return DEFAULT_MAX_VALUE_BYTES;
        }
        int value = Integer.parseInt(setting.toString().trim());
        if (value <= 0) {
            throw new IllegalArgumentException("a record size limit must be positive: " + value);
        }
        return value;
    }

    private static byte[] check(String topic, byte[] bytes, int maxBytes) {
        if (bytes != null && bytes.length > maxBytes) {
            throw new RecordTooLargeException("value for " + topic + " is " + bytes.length
                    + " bytes, over the limit of " + maxBytes);
        }
        return bytes;
    }
}
