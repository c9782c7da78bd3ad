package io.newsflow.schemas.deadletter;

import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.serde.RegistrySerdeFactory;
import io.newsflow.schemas.serde.SerdeFactory;
import io.newsflow.schemas.serde.RegistryUnavailableException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;

/**
 * Kafka Streams production-error handler: a record the broker can never take (too large) or that
 * cannot be serialised becomes a dead letter on the DLQ topic and the application keeps going;
 * transient errors (broker down, timeouts, the registry unavailable) still fail the task so
 * exactly-once retries them. Oversized values are best refused by the serializer
 * ({@link io.newsflow.schemas.serde.RecordLimits}): a broker refusal leaves a transactional producer
 * in error.
 * Configured with {@code newsflow.dlq.topic} and {@code newsflow.registry.url} in the Streams
 * properties.
 */
public final class DeadLetterProductionHandler implements ProductionExceptionHandler {

    /** Streams property naming the dead-letter topic. */
    public static final String DLQ_TOPIC = "newsflow.dlq.topic";
    /** Streams property naming the registry's core API URL. */
    public static final String REGISTRY_URL = "newsflow.registry.url";
    /**
     * Optional Streams property: a {@link SerdeFactory} class (public, no-argument constructor) to
     * write dead letters with instead of the registry, e.g. for registry-free topology tests.
     */
    public static final String SERDE_FACTORY = "newsflow.dlq.serde-factory";

    private String topic;
    private Serializer<DeadLetter> serializer;
    private String stage = "streams.produce";

    /** The Streams properties that install this handler writing to {@code dlqTopic}. */
    public static Map<String, Object> streamsProperties(String dlqTopic, String registryUrl) {
        return streamsProperties(dlqTopic, registryUrl, Map.of());
    }

    /**
     * As {@link #streamsProperties(String, String)}, with the service's registry settings
     * ({@code registry.*}: basic auth, bearer token, trust store; {@code apicurio.*}) so that dead
     * letters reach the same registry the same way the rest of the service does.
     */
    public static Map<String, Object> streamsProperties(String dlqTopic, String registryUrl, Map<String, ?> settings) {
        Map<String, Object> out = new java.util.HashMap<>();
        settings.forEach((k, v) -> {
            if (k.startsWith("registry.") || k.startsWith("apicurio.")) {
                out.put(k, v);
            }
        });
        out.put(org.apache.kafka.streams.StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetterProductionHandler.class.getName());
        out.put(DLQ_TOPIC, dlqTopic);
        out.put(REGISTRY_URL, registryUrl);
        return out;
    }

    @Override
    public void configure(Map<String, ?> configs) {
        topic = String.valueOf(configs.get(DLQ_TOPIC));
        serializer = serdes(configs).avroValue(DeadLetter.class).serializer();
        Object app = configs.get("application.id");
        if (app != null) {
            stage = app + ".produce";
        }
    }

    private SerdeFactory serdes(Map<String, ?> configs) {
        Object factory = configs.get(SERDE_FACTORY);
        if (factory != null) {
            try {
                return (SerdeFactory) Class.forName(factory.toString()).getConstructor().newInstance();
            } catch (ReflectiveOperationException | ClassCastException e) {
                throw new IllegalArgumentException(SERDE_FACTORY + " is not a usable SerdeFactory: " + factory, e);
            }
        }
        Object registry = configs.get(REGISTRY_URL);
        if (registry == null) {
            throw new IllegalArgumentException(REGISTRY_URL + " must be set for " + getClass().getSimpleName());
        }
        return RegistrySerdeFactory.create(registry.toString(), configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
        if (!(exception instanceof RecordTooLargeException)) {
            return Response.fail();
        }
        return Response.resume(List.of(letter(context, record.key(), record.topic(), exception,
                "record for " + record.topic() + " too large for the broker ("
                        + (record.value() == null ? 0 : record.value().length) + " bytes)")));
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Response handleSerializationError(ErrorHandlerContext context, ProducerRecord record, Exception exception,
                                             SerializationExceptionOrigin origin) {
        if (exception instanceof RegistryUnavailableException) {
            // Nothing is wrong with the record: fail the task so that it is retried, never dead-lettered.
            return Response.fail();
        }
        byte[] key = record.key() instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : null;
        String what = exception instanceof RecordTooLargeException ? exception.getMessage()
                : "cannot serialise " + origin.name().toLowerCase(java.util.Locale.ROOT) + " for " + record.topic();
        return Response.resume(List.of(letter(context, key, record.topic(), exception, what)));
    }

    private ProducerRecord<byte[], byte[]> letter(ErrorHandlerContext context, byte[] key, String target,
                                                  Exception exception, String reason) {
        DeadLetters.Origin origin = new DeadLetters.Origin(context.topic(), context.partition(), context.offset());
        String id = key == null ? null : new String(key, StandardCharsets.UTF_8);
        // The value kept is the input that led to the failed output (cut to fit), so it can be replayed.
        DeadLetter letter = DeadLetters.of(stage, reason, exception, origin, key, context.sourceRawValue(), id, null,
                DeadLetters.attemptOf(context.headers()));
        DeadLetters.log(letter);
        return new ProducerRecord<>(topic, null, key, serializer.serialize(topic, letter),
                DeadLetters.headers(context.headers(), letter));
    }
}
