package io.newsflow.schemas.serde;

import io.apicurio.registry.serde.avro.AvroSerde;
import io.apicurio.registry.serde.avro.AvroSerdeConfig;
import io.apicurio.registry.serde.config.SerdeConfig;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/**
 * Serdes backed by an Apicurio registry, writing the Confluent wire format (magic byte 0 and a
 * 4-byte schema id), so any Kafka tool reads the topics given the registry URL. Record headers are
 * neither read nor written by these serdes, and their failures say whether the registry was
 * unavailable ({@link RegistryUnavailableException}: retry) or the record unreadable (a one-line
 * {@link org.apache.kafka.common.errors.SerializationException}: dead letter).
 */
public final class RegistrySerdeFactory implements SerdeFactory {

    private final Map<String, Object> config;

    private RegistrySerdeFactory(Map<String, Object> config) {
        this.config = Map.copyOf(config);
    }

    /**
     * A factory for the registry at {@code registryUrl} (its core API, e.g.
     * {@code http://host:8080/apis/registry/v3}); {@code extra} passes further
     * {@code apicurio.registry.*} settings (auth, TLS) straight through.
     */
    public static RegistrySerdeFactory create(String registryUrl, Map<String, ?> extra) {
        Objects.requireNonNull(registryUrl, "registryUrl");
        Map<String, Object> config = new HashMap<>();
        extra.forEach((k, v) -> {
            if (k.startsWith("apicurio.")) {
                config.put(k, v);
            }
        });
        config.put(SerdeConfig.REGISTRY_URL, registryUrl);
        config.putIfAbsent(SerdeConfig.AUTO_REGISTER_ARTIFACT, true);
        config.putIfAbsent(AvroSerdeConfig.USE_SPECIFIC_AVRO_READER, true);
        // Our schemas import shared types; register them inlined so consumers need no references.
        config.putIfAbsent(SerdeConfig.DEREFERENCE_SCHEMA, true);
        return new RegistrySerdeFactory(config);
    }

    /** The settings every serde of this factory is configured with. */
    public Map<String, Object> config() {
        return config;
    }

    @Override
    public <T extends SpecificRecord> Serde<T> avroValue(Class<T> type) {
        AvroSerde<T> serde = new AvroSerde<>();
        serde.configure(config, false);
        return new HeaderBlindSerde<>(serde);
    }
}
