package io.newsflow.schemas.serde.confluent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Avro values in the Confluent wire format (byte 0, a 4-byte big-endian schema id, Avro binary), the
 * ids kept in a Confluent-protocol registry. Values are registered (or looked up) under one subject,
 * {@code <topic>-value} by default (TopicNameStrategy), or a fixed subject so that a topology's
 * internal topics do not add subjects of their own. Record headers are never read or written.
 *
 * @param <T> the generated Avro class
 */
public final class ConfluentAvroSerde<T extends SpecificRecord> implements Serde<T> {

    private static final byte MAGIC = 0;

    private final ConfluentRegistryClient client;
    private final Class<T> type;
    private final Schema schema;
    private final String subject;
    private final boolean autoRegister;
    private final Map<Integer, SpecificDatumReader<T>> readers = new ConcurrentHashMap<>();
    private final SpecificDatumWriter<T> writer;

    /**
     * A serde of {@code type} values.
     *
     * @param subject the subject to register under, or null for {@code <topic>-value}
     * @param autoRegister register the schema when it is not there yet (else only look it up)
     */
    public ConfluentAvroSerde(ConfluentRegistryClient client, Class<T> type, String subject, boolean autoRegister) {
        this.client = client;
        this.type = type;
        this.schema = SpecificData.getForClass(type).getSchema(type);
        this.subject = subject;
        this.autoRegister = autoRegister;
        this.writer = new SpecificDatumWriter<>(schema, SpecificData.getForClass(type));
    }

    /** The subject values written to {@code topic} are registered under. */
    public String subjectFor(String topic) {
        return subject != null ? subject : topic + "-value";
    }

    @Override
    public Serializer<T> serializer() {
        return this::serialize;
    }

    @Override
    public Deserializer<T> deserializer() {
        return this::deserialize;
    }

    private byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        String s = subjectFor(topic);
        int id = autoRegister ? client.register(s, schema) : client.lookup(s, schema).orElseThrow(() ->
                new SerializationException("schema of " + type.getSimpleName() + " is not registered under "
                        + s + " (run: newsflow schemas register)"));
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.write(MAGIC);
        out.writeBytes(ByteBuffer.allocate(4).putInt(id).array());
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        try {
            writer.write(data, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot write " + type.getSimpleName() + " for " + topic + ": " + e, e);
        }
        return out.toByteArray();
    }

    private T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length < 5 || data[0] != MAGIC) {
            throw new SerializationException("not in the Confluent wire format on " + topic + " ("
                    + (data.length < 5 ? data.length + " bytes" : "magic byte " + data[0]) + ")");
        }
        int id = ByteBuffer.wrap(data, 1, 4).getInt();
        SpecificDatumReader<T> reader = readers.computeIfAbsent(id, i ->
                new SpecificDatumReader<>(client.schemaById(i), schema, SpecificData.getForClass(type)));
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(data, 5, data.length - 5, null);
        try {
            T value = reader.read(null, decoder);
            if (!decoder.isEnd()) {
                throw new SerializationException((data.length - 5) + " bytes hold more than one "
                        + type.getSimpleName() + " (schema id " + id + ") on " + topic);
            }
            return value;
        } catch (IOException | RuntimeException e) {
            if (e instanceof SerializationException se) {
                throw se;
            }
            throw new SerializationException("corrupt " + type.getSimpleName() + " (schema id " + id + ") on "
                    + topic + ": " + e, e);
        }
    }
}
