package io.newsflow.schemas.deadletter;

import io.newsflow.schemas.avro.DeadLetter;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Counts the dead letters on their way to the dead-letter topic, by stage, as Kafka Streams metrics
 * ({@code dead-letter-total} and {@code dead-letter-rate} in group {@code stream-newsflow-metrics},
 * tagged {@code newsflow-id=<stage>}), so that they are exported with the application's own metrics.
 * Every record passes on unchanged.
 */
public final class DeadLetterCounter implements FixedKeyProcessor<String, DeadLetter, DeadLetter> {

    /** The metric group's scope: Kafka Streams names the group {@code stream-<scope>-metrics}. */
    public static final String SCOPE = "newsflow";
    /** The counted operation: its metrics are {@code dead-letter-total} and {@code dead-letter-rate}. */
    public static final String OPERATION = "dead-letter";

    private final Map<String, Sensor> sensors = new HashMap<>();
    private FixedKeyProcessorContext<String, DeadLetter> context;

    @Override
    public void init(FixedKeyProcessorContext<String, DeadLetter> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, DeadLetter> record) {
        String stage = record.value() == null || record.value().getStage() == null ? "unknown"
                : record.value().getStage();
        // One sensor per stage and stream thread; Kafka Streams returns the existing one when asked again.
        sensors.computeIfAbsent(stage, s -> context.metrics()
                .addRateTotalSensor(SCOPE, s, OPERATION, Sensor.RecordingLevel.INFO)).record();
        context.forward(record);
    }
}
