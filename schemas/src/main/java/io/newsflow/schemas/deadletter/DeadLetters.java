package io.newsflow.schemas.deadletter;

import io.newsflow.schemas.avro.DeadLetter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds dead-letter records and the headers that go with them, so every stage reports failures
 * the same way: which stage, which exception, where the input came from, and the input itself.
 *
 * <p>A dead letter fits any broker by construction (well under the 1 MB default
 * {@code max.message.bytes}): the original value is cut to {@link #MAX_VALUE_BYTES} and carries its
 * full size and SHA-256, so the original can still be found at its source coordinates; texts are cut
 * too. The input's headers are kept under {@link #ORIGINAL_HEADER_PREFIX}, so that a header such as
 * a serializer's encoding hint can never steer how a dead-letter consumer reads the record.
 */
public final class DeadLetters {

    /** Header: the stage that failed, e.g. {@code enrich.deserialize}. */
    public static final String HEADER_STAGE = "newsflow.error.stage";
    /** Header: exception class name. */
    public static final String HEADER_EXCEPTION = "newsflow.error.exception";
    /** Header: the exception's message, cut. */
    public static final String HEADER_MESSAGE = "newsflow.error.message";
    /** Header: one-line reason. */
    public static final String HEADER_REASON = "newsflow.error.reason";
    /** Header: topic the failed input was read from. */
    public static final String HEADER_TOPIC = "newsflow.error.topic";
    /** Header: partition the failed input was read from. */
    public static final String HEADER_PARTITION = "newsflow.error.partition";
    /** Header: offset the failed input was read from. */
    public static final String HEADER_OFFSET = "newsflow.error.offset";
    /** Header: 1 for a first failure, n + 1 for a record that failed again after its n-th replay. */
    public static final String HEADER_ATTEMPT = "newsflow.error.attempt";
    /** Header: when it failed, ISO-8601. */
    public static final String HEADER_FAILED_AT = "newsflow.error.failed-at";
    /** Header: size in bytes of the original value. */
    public static final String HEADER_VALUE_SIZE = "newsflow.error.value-size";
    /** Header: hex SHA-256 of the whole original value. */
    public static final String HEADER_VALUE_SHA256 = "newsflow.error.value-sha256";
    /** Prefix under which the failed input's own headers are kept. */
    public static final String ORIGINAL_HEADER_PREFIX = "newsflow.original.";
    /** Header a replayed record carries: how many times it has been replayed. */
    public static final String HEADER_REPLAY_ATTEMPT = "newsflow.replay.attempt";

    /** The largest original value kept whole; a larger one is cut and flagged. */
    public static final int MAX_VALUE_BYTES = 512 * 1024;
    /** The largest original key kept whole. */
    public static final int MAX_KEY_BYTES = 1024;
    /** Most characters kept of a reason, message, id or URL. */
    public static final int MAX_TEXT_CHARS = 2_000;
    private static final int MAX_STACK_CHARS = 8_000;
    private static final int MAX_COPIED_HEADERS = 64;
    private static final int MAX_COPIED_HEADER_BYTES = 64 * 1024;
    private static final int MAX_LOGGED_CHARS = 200;

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

    private DeadLetters() {
    }

    /**
     * A dead letter for input that failed in {@code stage}; {@code error} may be null when the
     * failure is a rule rather than an exception. Values and texts are cut to fit.
     */
    public static DeadLetter of(String stage, String reason, Throwable error, Origin origin,
                                byte[] key, byte[] value, String articleId, String url) {
        return of(stage, reason, error, origin, key, value, articleId, url, 1);
    }

    /** As {@link #of(String, String, Throwable, Origin, byte[], byte[], String, String)}, for a given attempt. */
    public static DeadLetter of(String stage, String reason, Throwable error, Origin origin,
                                byte[] key, byte[] value, String articleId, String url, int attempt) {
        return DeadLetter.newBuilder()
                .setStage(cut(stage, 200))
                .setReason(cut(reason == null ? "unknown" : oneLine(reason), MAX_TEXT_CHARS))
                .setException(error == null ? null : error.getClass().getName())
                .setMessage(error == null ? null : cut(String.valueOf(error.getMessage()), MAX_TEXT_CHARS))
                .setStackTrace(error == null ? null : stackTrace(error))
                .setSourceTopic(cut(origin.topic(), 300))
                .setSourcePartition(origin.partition())
                .setSourceOffset(origin.offset())
                .setArticleId(cut(articleId, 300))
                .setUrl(cut(url, MAX_TEXT_CHARS))
                .setKey(key == null ? null : ByteBuffer.wrap(key.length <= MAX_KEY_BYTES ? key
                        : Arrays.copyOf(key, MAX_KEY_BYTES)))
                .setValue(value == null ? null : ByteBuffer.wrap(value.length <= MAX_VALUE_BYTES ? value
                        : Arrays.copyOf(value, MAX_VALUE_BYTES)))
                .setValueSize(value == null ? -1 : value.length)
                .setValueSha256(value == null ? null : sha256(value))
                .setValueTruncated(value != null && value.length > MAX_VALUE_BYTES)
                .setAttempt(Math.max(1, attempt))
                .setFailedAt(Instant.now())
                .build();
    }

    /**
     * The dead letter for a record a Kafka Streams processor could not handle, with its headers (the
     * input's kept under a prefix, plus the error headers); logs one line. The one way every
     * processor builds what it forwards to the dead-letter sink.
     *
     * @param key the input's key as read, may be null
     * @param value the input's value as read, may be null
     * @param input the input's headers, may be null
     */
    public static Letter forRecord(String stage, String reason, Throwable error,
                                   Optional<org.apache.kafka.streams.processor.api.RecordMetadata> metadata,
                                   String key, byte[] value, Headers input, String articleId, String url) {
        Origin origin = Origin.of(metadata);
        DeadLetter letter = of(stage, reason, error, origin,
                key == null ? null : key.getBytes(StandardCharsets.UTF_8), value,
                articleId != null ? articleId : key, url, attemptOf(input));
        log(letter);
        return new Letter(letter, headers(input, letter));
    }

    /** Logs one line for a dead letter: stage, source coordinates, id and reason, all cut short. */
    public static void log(DeadLetter letter) {
        LOG.warn("dead letter: stage={} source={}/{}/{} id={} attempt={} reason={}", letter.getStage(),
                letter.getSourceTopic(), letter.getSourcePartition(), letter.getSourceOffset(),
                cut(printable(letter.getArticleId()), MAX_LOGGED_CHARS), letter.getAttempt(),
                cut(printable(letter.getReason()), MAX_LOGGED_CHARS));
    }

    /** New headers for a dead letter: the input's own under {@link #ORIGINAL_HEADER_PREFIX} (bounded), then the error headers. */
    public static Headers headers(Headers input, DeadLetter letter) {
        RecordHeaders out = new RecordHeaders();
        if (input != null) {
            int count = 0;
            int bytes = 0;
            for (Header h : input) {
                int size = h.key().length() + (h.value() == null ? 0 : h.value().length);
                if (h.key().startsWith("newsflow.error.") || ++count > MAX_COPIED_HEADERS
                        || (bytes += size) > MAX_COPIED_HEADER_BYTES) {
                    continue;
                }
                out.add(ORIGINAL_HEADER_PREFIX + h.key(), h.value());
            }
        }
        addHeaders(out, letter);
        return out;
    }

    /** Adds (replacing) the standard error headers describing {@code letter} to {@code headers}. */
    public static void addHeaders(Headers headers, DeadLetter letter) {
        put(headers, HEADER_STAGE, letter.getStage());
        put(headers, HEADER_REASON, letter.getReason());
        put(headers, HEADER_EXCEPTION, letter.getException());
        put(headers, HEADER_MESSAGE, letter.getMessage());
        put(headers, HEADER_TOPIC, letter.getSourceTopic());
        put(headers, HEADER_PARTITION, Integer.toString(letter.getSourcePartition()));
        put(headers, HEADER_OFFSET, Long.toString(letter.getSourceOffset()));
        put(headers, HEADER_ATTEMPT, Integer.toString(letter.getAttempt()));
        put(headers, HEADER_FAILED_AT, letter.getFailedAt().toString());
        put(headers, HEADER_VALUE_SIZE, Long.toString(letter.getValueSize()));
        put(headers, HEADER_VALUE_SHA256, letter.getValueSha256());
    }

    /** The attempt a failure of this input is: one more than the replays its headers say it has had. */
    public static int attemptOf(Headers input) {
        Header h = input == null ? null : input.lastHeader(HEADER_REPLAY_ATTEMPT);
        if (h == null || h.value() == null) {
            return 1;
        }
        try {
            return Math.max(0, Integer.parseInt(new String(h.value(), StandardCharsets.UTF_8).trim())) + 1;
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** Hex SHA-256 of {@code bytes}. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static void put(Headers headers, String name, String value) {
        headers.remove(name);
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max) + "…(" + s.length() + " chars)";
    }

    private static String oneLine(String s) {
        return s.indexOf('\n') < 0 && s.indexOf('\r') < 0 ? s : s.replace('\r', ' ').replace('\n', ' ');
    }

    /** Control characters of hostile input would garble a log line: they are shown as '?'. */
    private static String printable(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().limit(MAX_LOGGED_CHARS + 1L)
                .forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return out.toString();
    }

    private static String stackTrace(Throwable error) {
        StringWriter out = new StringWriter();
        error.printStackTrace(new PrintWriter(out));
        String s = out.toString();
        return s.length() <= MAX_STACK_CHARS ? s : s.substring(0, MAX_STACK_CHARS);
    }

    /**
     * A dead letter and the headers of its record.
     *
     * @param value the dead letter
     * @param headers the record's headers: the input's under a prefix, then the error headers
     */
    public record Letter(DeadLetter value, Headers headers) {
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
        public static Origin of(Optional<org.apache.kafka.streams.processor.api.RecordMetadata> metadata) {
            return metadata.map(m -> new Origin(m.topic(), m.partition(), m.offset())).orElse(NONE);
        }
    }
}
