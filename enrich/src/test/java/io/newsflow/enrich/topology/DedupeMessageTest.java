package io.newsflow.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class DedupeMessageTest {

    private final Serde<DedupeMessage> serde = DedupeMessage.serde();

    @Test
    void readsBackEveryKindOfMessage() {
        var probe = new DedupeMessage.Probe("id-1", "0-42", new byte[] {1, 2, 3}, List.of("07:1a2b", "hash:9f"));
        var article = new DedupeMessage.Article("0-42", 33, null, new byte[] {9, 8});
        var failed = new DedupeMessage.Article("0-43", 0, "signature failed: boom", new byte[] {7});
        var answer = new DedupeMessage.Answer("0-42", "id-0", 0.875, null);
        var miss = new DedupeMessage.Answer("0-42", null, 0, "band search failed: x");

        DedupeMessage.Probe p = (DedupeMessage.Probe) roundTrip(probe);
        assertThat(p.id()).isEqualTo("id-1");
        assertThat(p.signature()).containsExactly(1, 2, 3);
        assertThat(p.buckets()).containsExactly("07:1a2b", "hash:9f");
        DedupeMessage.Article a = (DedupeMessage.Article) roundTrip(article);
        assertThat(a.expected()).isEqualTo(33);
        assertThat(a.error()).isNull();
        assertThat(a.article()).containsExactly(9, 8);
        assertThat(((DedupeMessage.Article) roundTrip(failed)).error()).isEqualTo("signature failed: boom");
        assertThat(roundTrip(answer)).isEqualTo(answer);
        assertThat(roundTrip(miss)).isEqualTo(miss);
    }

    /** A probe of one bucket as written before probes were grouped: tag 1, id, round, signature; its key is the bucket. */
    @Test
    void readsAProbeOfTheEarlierFormatAsOneOfTheRecordKeysBucket() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(1);
            out.writeUTF("id-1");
            out.writeUTF("0-42");
            out.writeInt(2);
            out.write(new byte[] {5, 6});
        }
        DedupeMessage.Probe p = (DedupeMessage.Probe) serde.deserializer().deserialize("t", bytes.toByteArray());
        assertThat(p.id()).isEqualTo("id-1");
        assertThat(p.round()).isEqualTo("0-42");
        assertThat(p.signature()).containsExactly(5, 6);
        assertThat(p.buckets()).isEmpty();
    }

    @Test
    void refusesBytesItDidNotWrite() {
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[] {42}))
                .isInstanceOf(SerializationException.class);
    }

    private DedupeMessage roundTrip(DedupeMessage m) {
        return serde.deserializer().deserialize("t", serde.serializer().serialize("t", m));
    }
}
