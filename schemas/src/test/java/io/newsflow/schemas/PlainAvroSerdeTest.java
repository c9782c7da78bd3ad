package io.newsflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.avro.Source;
import io.newsflow.schemas.avro.SourceKind;
import io.newsflow.schemas.serde.PlainAvroSerdeFactory;
import io.newsflow.schemas.topics.TopicNames;
import io.newsflow.schemas.topics.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class PlainAvroSerdeTest {

    private final Topics topics = Topics.create(TopicNames.DEFAULTS, new PlainAvroSerdeFactory());

    @Test
    void rawArticleRoundTripsWithItsBytesIntact() {
        byte[] page = "<html>caf\u00e9</html>".getBytes(StandardCharsets.ISO_8859_1);
        RawArticle raw = RawArticle.newBuilder().setId("id1").setUrl("https://x.test/a")
                .setFetchedAt(Instant.parse("2024-01-02T03:04:05Z")).setBody(ByteBuffer.wrap(page))
                .setSource(Source.newBuilder().setKind(SourceKind.FILE).setName("a.html").build())
                .build();
        var serde = topics.raw().valueSerde();
        RawArticle back = serde.deserializer().deserialize("t", serde.serializer().serialize("t", raw));
        assertThat(back).isEqualTo(raw);
        assertThat(back.getBody().array()).isEqualTo(page);
        assertThat(back.getFetchedAt()).isEqualTo(Instant.parse("2024-01-02T03:04:05Z"));
    }

    @Test
    void corruptBytesFailWithSerializationException() {
        var deserializer = topics.raw().valueSerde().deserializer();
        assertThatThrownBy(() -> deserializer.deserialize("t", new byte[] {0, 1, 2, (byte) 0xff}))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void topicNamesAreVersionedAndOverridable() {
        assertThat(TopicNames.DEFAULTS.all()).allMatch(n -> n.matches("news\\.[a-z.-]+\\.v\\d+"));
        assertThat(TopicNames.fromConfig(Map.of("topic.raw", "my.raw.v2")).raw()).isEqualTo("my.raw.v2");
    }
}
