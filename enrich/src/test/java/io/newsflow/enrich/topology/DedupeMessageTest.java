package io.newsflow.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class DedupeMessageTest {

    private final Serde<DedupeMessage> serde = DedupeMessage.serde();

    @Test
    void readsBackEveryKindOfMessage() {
        var probe = new DedupeMessage.Probe("id-1", "0-42", new byte[] {1, 2, 3});
        var article = new DedupeMessage.Article("0-42", 33, null, new byte[] {9, 8});
        var failed = new DedupeMessage.Article("0-43", 0, "signature failed: boom", new byte[] {7});
        var answer = new DedupeMessage.Answer("0-42", "id-0", 0.875, null);
        var miss = new DedupeMessage.Answer("0-42", null, 0, "band search failed: x");

        DedupeMessage.Probe p = (DedupeMessage.Probe) roundTrip(probe);
        assertThat(p.id()).isEqualTo("id-1");
        assertThat(p.signature()).containsExactly(1, 2, 3);
        DedupeMessage.Article a = (DedupeMessage.Article) roundTrip(article);
        assertThat(a.expected()).isEqualTo(33);
        assertThat(a.error()).isNull();
        assertThat(a.article()).containsExactly(9, 8);
        assertThat(((DedupeMessage.Article) roundTrip(failed)).error()).isEqualTo("signature failed: boom");
        assertThat(roundTrip(answer)).isEqualTo(answer);
        assertThat(roundTrip(miss)).isEqualTo(miss);
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
