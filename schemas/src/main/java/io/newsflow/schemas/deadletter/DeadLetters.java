package io.newsflow.schemas.deadletter;

import io.newsflow.schemas.avro.DeadLetter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.header.Headers;

/**
 * Builds dead-letter records and the headers that go with them, so every stage reports failures
 * the same way: which stage, which exception, and where the input came from.
 */
public final class DeadLetters {

    /** Header: the stage that failed, e.g. {@code enrich.deserialize}. */
    public static final String HEADER_STAGE = "newsflow.error.stage";
    /** Header: exception class name. */
    public static final String HEADER_EXCEPTION = "newsflow.error.exception";
    /** Header: one-line reason. */
    public static final String HEADER_REASON = "newsflow.error.reason";
    /** Header: topic the failed input was read from. */
    public static final String HEADER_TOPIC = "newsflow.error.topic";
    /** Header: partition the failed input was read from. */
    public static final String HEADER_PARTITION = "newsflow.error.partition";
    /** Header: offset the failed input was read from. */
    public static final String HEADER_OFFSET = "newsflow.error.offset";

    private static final int MAX_STACK_CHARS = 8_000;

    private DeadLetters() {
    }

    /**
     * A dead letter for input that failed in {@code stage}; {@code error} may be null when the
     * failure is a rule rather than an exception.
     */
    public static DeadLetter of(String stage, String reason, Throwable error, Origin origin,
                                byte[] key, byte[] value, String articleId, String url) {
        return DeadLetter.newBuilder()
                .setStage(stage)
                .setReason(reason)
                .setException(error == null ? null : error.getClass().getName())
                .setMessage(error == null ? null : String.valueOf(error.getMessage()))
                .setStackTrace(error == null ? null : stackTrace(error))
                .setSourceTopic(origin.topic())
                .setSourcePartition(origin.partition())
                .setSourceOffset(origin.offset())
                .setArticleId(articleId)
                .setUrl(url)
                .setKey(key == null ? null : ByteBuffer.wrap(key))
                .setValue(value == null ? null : ByteBuffer.wrap(value))
                .setFailedAt(Instant.now())
                .build();
    }

    /** Adds the standard error headers describing {@code letter} to {@code headers}. */
    public static void addHeaders(Headers headers, DeadLetter letter) {
        put(headers, HEADER_STAGE, letter.getStage());
        put(headers, HEADER_REASON, letter.getReason());
        put(headers, HEADER_EXCEPTION, letter.getException());
        put(headers, HEADER_TOPIC, letter.getSourceTopic());
        put(headers, HEADER_PARTITION, Integer.toString(letter.getSourcePartition()));
        put(headers, HEADER_OFFSET, Long.toString(letter.getSourceOffset()));
    }

    private static void put(Headers headers, String name, String value) {
        headers.remove(name);
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String stackTrace(Throwable error) {
        StringWriter out = new StringWriter();
        error.printStackTrace(new PrintWriter(out));
        String s = out.toString();
        return s.length() <= MAX_STACK_CHARS ? s : s.substring(0, MAX_STACK_CHARS);
    }

    /**
     * Where a failed input came from.
     *
     * @param topic source topic, or null when it did not come from Kafka
     * @param partition source partition, -1 when unknown
     * @param offset source offset, -1 when unknown
     */
    public record Origin(String topic, int partition, long offset) {
        /** Input that did not come from a Kafka topic (a file, a fetch). */
        public static final Origin NONE = new Origin(null, -1, -1);

        /** The origin of the record a Kafka Streams processor is handling, when known. */
        public static Origin of(java.util.Optional<org.apache.kafka.streams.processor.api.RecordMetadata> metadata) {
            return metadata.map(m -> new Origin(m.topic(), m.partition(), m.offset())).orElse(NONE);
        }
    }
}
