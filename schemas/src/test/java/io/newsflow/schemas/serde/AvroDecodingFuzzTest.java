package io.newsflow.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.deadletter.DeadLetters;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Fuzzes the Avro decoding path every stage reads its input through: any bytes either decode or fail
 * with a {@link SerializationException} (which the topologies turn into a dead letter), never
 * another exception, an error, or an allocation the input does not justify; and the dead letter made
 * of those bytes always fits under 1 MB.
 */
class AvroDecodingFuzzTest {

    private static final PlainAvroSerdeFactory SERDES = new PlainAvroSerdeFactory();
    private static final Deserializer<RawArticle> RAW = SERDES.avroValue(RawArticle.class).deserializer();
    private static final Deserializer<EnrichedArticle> ENRICHED = SERDES.avroValue(EnrichedArticle.class).deserializer();
    private static final Deserializer<DeadLetter> LETTER = SERDES.avroValue(DeadLetter.class).deserializer();

    @FuzzTest(maxDuration = "30s")
    void anyBytesDecodeOrFailAsASerializationException(byte[] input) {
        decodeOrRefuse(RAW, input);
        decodeOrRefuse(ENRICHED, input);
        decodeOrRefuse(LETTER, input);
        DeadLetter letter = DeadLetters.of("fuzz", "undecodable", null, DeadLetters.Origin.NONE, input, input,
                null, null);
        byte[] bytes = SERDES.avroValue(DeadLetter.class).serializer().serialize("t", letter);
        assertThat(bytes.length).isLessThan(1_000_000);
    }

    private static <T extends SpecificRecord> void decodeOrRefuse(Deserializer<T> deserializer, byte[] input) {
        try {
            T value = deserializer.deserialize("t", input);
            // What decodes must encode again: a decoded record reaches the topology's serializers.
            if (value != null) {
                assertThat(value.getSchema()).isNotNull();
            }
        } catch (SerializationException expected) {
            // The one way bad bytes may fail: the topologies turn it into a dead letter.
        }
    }
}
