package io.newsflow.schemas.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
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
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Registry-free serdes: plain Avro binary with the schema of the generated class on both sides.
 * For fast unit tests (TopologyTestDriver) and offline tools only; topics on a real cluster use
 * {@link RegistrySerdeFactory}.
 */
public final class PlainAvroSerdeFactory implements SerdeFactory {

    @Override
    public <T extends SpecificRecord> Serde<T> avroValue(Class<T> type) {
        Schema schema = SpecificData.get().getSchema(type);
        return Serdes.serdeFrom(new PlainSerializer<>(schema), new PlainDeserializer<>(schema));
    }

    private record PlainSerializer<T extends SpecificRecord>(Schema schema) implements Serializer<T> {
        @Override
        public byte[] serialize(String topic, T data) {
            if (data == null) {
                return null;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            try {
                new SpecificDatumWriter<T>(schema).write(data, encoder);
                encoder.flush();
            } catch (IOException | RuntimeException e) {
                throw new SerializationException("cannot write " + schema.getName() + " for " + topic, e);
            }
            return out.toByteArray();
        }
    }

    private record PlainDeserializer<T extends SpecificRecord>(Schema schema) implements Deserializer<T> {
        @Override
        public T deserialize(String topic, byte[] data) {
            if (data == null) {
                return null;
            }
            BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(data, null);
            try {
                T value = new SpecificDatumReader<T>(schema).read(null, decoder);
                if (!decoder.isEnd()) {
                    throw new SerializationException(data.length + " bytes hold more than one "
                            + schema.getName() + " on " + topic);
                }
                return value;
            } catch (IOException | RuntimeException e) {
                if (e instanceof SerializationException se) {
                    throw se;
                }
                throw new SerializationException("corrupt " + schema.getName() + " on " + topic, e);
            }
        }
    }
}
