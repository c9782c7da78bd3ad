package io.newsflow.schemas.serde;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/** Makes the Avro value serdes of the topic registry. */
public interface SerdeFactory {

    /** A configured serde for values of the given generated Avro class. */
    <T extends SpecificRecord> Serde<T> avroValue(Class<T> type);

    /**
     * A serde for the values of {@code topic}, wherever they are written: a registry-backed factory
     * registers them under {@code <topic>-value} even when a topology also writes them to an internal
     * (repartition) topic, so internal topics add no subjects of their own.
     */
    default <T extends SpecificRecord> Serde<T> avroValue(Class<T> type, String topic) {
        return avroValue(type);
    }
}
