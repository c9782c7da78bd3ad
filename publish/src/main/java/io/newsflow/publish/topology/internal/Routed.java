package io.newsflow.publish.topology.internal;

import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.TopicNameExtractor;

/**
 * An article on its way to one route: the route's topic and the value already in the route's
 * format, so one sink serves every route (50 routes are one sink, not 50).
 *
 * @param topic the route's topic
 * @param bytes the serialised value
 */
public record Routed(String topic, byte[] bytes) {

    /** Picks the sink topic of each record. */
    public static final TopicNameExtractor<String, Routed> TOPIC = (key, value, context) -> value.topic();

    /** Writes the bytes as they are; never read back. */
    public static Serde<Routed> serde() {
        Serializer<Routed> out = (topic, routed) -> routed == null ? null : routed.bytes();
        Deserializer<Routed> in = new Deserializer<>() {
            @Override
            public void configure(Map<String, ?> configs, boolean isKey) {
            }

            @Override
            public Routed deserialize(String topic, byte[] data) {
                return data == null ? null : new Routed(topic, data);
            }
        };
        return Serdes.serdeFrom(out, in);
    }
}
