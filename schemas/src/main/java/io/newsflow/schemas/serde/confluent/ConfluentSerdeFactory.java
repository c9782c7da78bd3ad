package io.newsflow.schemas.serde.confluent;

import io.newsflow.schemas.serde.SerdeFactory;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/** Serdes kept in a Confluent-protocol registry (see {@link ConfluentAvroSerde}). */
public final class ConfluentSerdeFactory implements SerdeFactory {

    private final ConfluentRegistryClient client;
    private final boolean autoRegister;

    /** Serdes over {@code client}, registering schemas when {@code autoRegister}. */
    public ConfluentSerdeFactory(ConfluentRegistryClient client, boolean autoRegister) {
        this.client = client;
        this.autoRegister = autoRegister;
    }

    /** The client the serdes use. */
    public ConfluentRegistryClient client() {
        return client;
    }

    @Override
    public <T extends SpecificRecord> Serde<T> avroValue(Class<T> type) {
        return new ConfluentAvroSerde<>(client, type, null, autoRegister);
    }

    @Override
    public <T extends SpecificRecord> Serde<T> avroValue(Class<T> type, String topic) {
        return new ConfluentAvroSerde<>(client, type, topic + "-value", autoRegister);
    }
}
