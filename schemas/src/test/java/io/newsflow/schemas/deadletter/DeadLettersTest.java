package io.newsflow.schemas.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.serde.PlainAvroSerdeFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class DeadLettersTest {

    private static final DeadLetters.Origin ORIGIN = new DeadLetters.Origin("news.raw.v1", 3, 42);

    @Test
    void cutsAnOversizedValueKeepingItsSizeHashAndCoordinates() {
        byte[] value = new byte[16 * 1024 * 1024 + 7];
        Arrays.fill(value, (byte) 'x');
        DeadLetter letter = DeadLetters.of("enrich.deserialize", "undecodable", null, ORIGIN, null, value, "id", null);
        assertThat(letter.getValue().remaining()).isEqualTo(DeadLetters.MAX_VALUE_BYTES);
        assertThat(letter.getValueTruncated()).isTrue();
        assertThat(letter.getValueSize()).isEqualTo(value.length);
        assertThat(letter.getValueSha256()).isEqualTo(DeadLetters.sha256(value));
        assertThat(letter.getSourcePartition()).isEqualTo(3);
        assertThat(letter.getSourceOffset()).isEqualTo(42);
    }

    @Test
    void aDeadLetterOfHugeHostileInputStillFitsADefaultBroker() {
        byte[] value = new byte[20 * 1024 * 1024];
        String huge = "z".repeat(5_000_000);
        DeadLetter letter = DeadLetters.of(huge, huge, new IllegalStateException(huge), ORIGIN,
                huge.getBytes(StandardCharsets.UTF_8), value, huge, huge);
        byte[] bytes = new PlainAvroSerdeFactory().avroValue(DeadLetter.class).serializer().serialize("t", letter);
        assertThat(bytes.length).as("under the 1 MB default max.message.bytes").isLessThan(1_000_000);
    }

    @Test
    void keepsSmallValueWholeAndUnflagged() {
        DeadLetter letter = DeadLetters.of("s", "r", null, ORIGIN, null, new byte[] {1, 2}, null, null);
        assertThat(letter.getValue().array()).containsExactly(1, 2);
        assertThat(letter.getValueTruncated()).isFalse();
        assertThat(letter.getValueSize()).isEqualTo(2);
    }

    @Test
    void inputHeadersAreKeptOnlyUnderThePrefixNextToTheErrorHeaders() {
        Headers input = new RecordHeaders();
        input.add("apicurio.value.encoding", "JSON".getBytes(StandardCharsets.UTF_8));
        input.add(DeadLetters.HEADER_STAGE, "forged".getBytes(StandardCharsets.UTF_8));
        DeadLetters.Letter letter = DeadLetters.forRecord("publish.json", "bad", new RuntimeException("x"),
                Optional.empty(), "k", new byte[] {9}, input, null, null);
        Headers out = letter.headers();
        assertThat(out.lastHeader("apicurio.value.encoding")).isNull();
        assertThat(text(out, DeadLetters.ORIGINAL_HEADER_PREFIX + "apicurio.value.encoding")).isEqualTo("JSON");
        assertThat(text(out, DeadLetters.HEADER_STAGE)).isEqualTo("publish.json");
        assertThat(text(out, DeadLetters.HEADER_EXCEPTION)).isEqualTo(RuntimeException.class.getName());
        assertThat(text(out, DeadLetters.HEADER_MESSAGE)).isEqualTo("x");
        assertThat(text(out, DeadLetters.HEADER_ATTEMPT)).isEqualTo("1");
        assertThat(text(out, DeadLetters.HEADER_VALUE_SIZE)).isEqualTo("1");
        assertThat(out.lastHeader(DeadLetters.HEADER_FAILED_AT)).isNotNull();
        assertThat(letter.value().getArticleId()).as("the key stands in for an unknown id").isEqualTo("k");
    }

    @Test
    void aHeaderFloodIsCopiedOnlyUpToTheBound() {
        Headers input = new RecordHeaders();
        for (int i = 0; i < 10_000; i++) {
            input.add("h" + i, new byte[100]);
        }
        DeadLetters.Letter letter = DeadLetters.forRecord("s", "r", null, Optional.empty(), "k", null, input, null, null);
        long copied = Arrays.stream(letter.headers().toArray())
                .filter(h -> h.key().startsWith(DeadLetters.ORIGINAL_HEADER_PREFIX)).count();
        assertThat(copied).isEqualTo(64);
    }

    @Test
    void attemptIsOneMoreThanTheReplaysARecordHasHad() {
        Headers input = new RecordHeaders();
        assertThat(DeadLetters.attemptOf(input)).isEqualTo(1);
        input.add(DeadLetters.HEADER_REPLAY_ATTEMPT, "1".getBytes(StandardCharsets.UTF_8));
        assertThat(DeadLetters.attemptOf(input)).isEqualTo(2);
        input.add(DeadLetters.HEADER_REPLAY_ATTEMPT, "garbage".getBytes(StandardCharsets.UTF_8));
        assertThat(DeadLetters.attemptOf(input)).isEqualTo(1);
    }

    private static String text(Headers headers, String key) {
        return new String(headers.lastHeader(key).value(), StandardCharsets.UTF_8);
    }
}
