package io.newsflow.schemas.serde;

import io.apicurio.registry.resolver.config.SchemaResolverConfig;
import io.apicurio.registry.serde.avro.AvroSerde;
import io.apicurio.registry.serde.avro.AvroSerdeConfig;
import io.apicurio.registry.serde.config.SerdeConfig;
import io.newsflow.schemas.serde.confluent.ConfluentRegistryClient;
import io.newsflow.schemas.serde.confluent.ConfluentSerdeFactory;
import io.newsflow.schemas.serde.confluent.RegistryClientConfig;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/**
 * Serdes backed by a schema registry, writing the Confluent wire format (magic byte 0 and a 4-byte
 * schema id), so any Kafka tool reads the topics given the registry URL. Record headers are neither
 * read nor written by these serdes, and their failures say whether the registry was unavailable
 * ({@link RegistryUnavailableException}: retry) or the record unreadable (a one-line
 * {@link org.apache.kafka.common.errors.SerializationException}: dead letter).
 *
 * <p>The protocol follows the URL: Apicurio's core API ({@code .../apis/registry/v2|v3}) is used
 * through Apicurio's serdes; any other URL is taken to speak the Confluent Schema Registry API
 * (Confluent, Karapace, Redpanda, Apicurio's {@code /apis/ccompat/v7}), through
 * {@link ConfluentSerdeFactory}. Either way a topic's values are registered under
 * {@code <topic>-value}.
 */
public final class RegistrySerdeFactory implements SerdeFactory {

    /** Setting: {@code false} to only look schemas up, never register them (a locked-down registry). */
    public static final String AUTO_REGISTER = "registry.auto-register";

    private final Map<String, Object> config;
    private final ConfluentSerdeFactory confluent;

    private RegistrySerdeFactory(Map<String, Object> config, ConfluentSerdeFactory confluent) {
        this.config = Map.copyOf(config);
        this.confluent = confluent;
    }

    /**
     * A factory for the registry at {@code registryUrl}; {@code extra} passes further settings:
     * {@code registry.*} ones (basic auth, bearer token, TLS trust store, retries, auto-register)
     * for a Confluent-protocol registry, {@code apicurio.registry.*} ones straight to Apicurio's serdes.
     */
    public static RegistrySerdeFactory create(String registryUrl, Map<String, ?> extra) {
        Objects.requireNonNull(registryUrl, "registryUrl");
        boolean autoRegister = !"false".equalsIgnoreCase(String.valueOf(extra.get(AUTO_REGISTER)).trim());
        if (!isApicurioCoreApi(registryUrl)) {
            ConfluentRegistryClient client = new ConfluentRegistryClient(RegistryClientConfig.from(registryUrl, extra));
            return new RegistrySerdeFactory(Map.of(), new ConfluentSerdeFactory(client, autoRegister));
        }
        Map<String, Object> config = new HashMap<>();
        extra.forEach((k, v) -> {
            if (k.startsWith("apicurio.")) {
                config.put(k, v);
            }
        });
        config.put(SerdeConfig.REGISTRY_URL, registryUrl);
        config.putIfAbsent(SerdeConfig.AUTO_REGISTER_ARTIFACT, autoRegister);
        config.putIfAbsent(AvroSerdeConfig.USE_SPECIFIC_AVRO_READER, true);
        // Our schemas import shared types; register them inlined so consumers need no references.
        config.putIfAbsent(SerdeConfig.DEREFERENCE_SCHEMA, true);
        return new RegistrySerdeFactory(config, null);
    }

    /** True for Apicurio's own API paths; everything else is spoken to as a Confluent registry. */
    static boolean isApicurioCoreApi(String url) {
        String u = url.toLowerCase(Locale.ROOT);
        return u.contains("/apis/registry/v2") || u.contains("/apis/registry/v3");
    }

    /** The Apicurio serde settings (empty for a Confluent-protocol registry). */
    public Map<String, Object> config() {
        return config;
    }

    /** The Confluent-protocol client, when the registry is spoken to that way. */
    public java.util.Optional<ConfluentRegistryClient> confluentClient() {
        return java.util.Optional.ofNullable(confluent).map(ConfluentSerdeFactory::client);
    }

    @Override
    public <T extends SpecificRecord> Serde<T> avroValue(Class<T> type) {
        if (confluent != null) {
            return confluent.avroValue(type);
        }
        AvroSerde<T> serde = new AvroSerde<>();
        serde.configure(config, false);
        return new HeaderBlindSerde<>(serde);
    }

    @Override
    public <T extends SpecificRecord> Serde<T> avroValue(Class<T> type, String topic) {
        if (confluent != null) {
            return confluent.avroValue(type, topic);
        }
        Map<String, Object> named = new HashMap<>(config);
        // TopicNameStrategy's subject whichever topic (an internal repartition one) the value goes to.
        named.putIfAbsent(SchemaResolverConfig.EXPLICIT_ARTIFACT_ID, topic + "-value");
        AvroSerde<T> serde = new AvroSerde<>();
        serde.configure(named, false);
        return new HeaderBlindSerde<>(serde);
    }
}
