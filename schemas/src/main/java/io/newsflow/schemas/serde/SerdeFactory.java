package io.newsflow.schemas.serde;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/** Makes the Avro value serdes of the topic registry. */
public interface SerdeFactory {

    /** A configured serde for values of the given generated Avro class. */
    <T extends SpecificRecord> Serde<T> avroValue(Class<T> type);
}
