package io.newsflow.publish.topology.internal;

import io.newsflow.publish.json.JsonProjection;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.deadletter.DeadLetters;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/** Projects an article to one JSON line; emits the line or a {@code DeadLetter} (stage {@code publish.json}). */
public final class Project implements FixedKeyProcessor<String, EnrichedArticle, Object> {
    private final int maxRecordBytes;
    private FixedKeyProcessorContext<String, Object> context;

    /** A projection whose lines must fit in {@code maxRecordBytes}. */
    public Project(int maxRecordBytes) {
        this.maxRecordBytes = maxRecordBytes;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Object> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, EnrichedArticle> record) {
        try {
            String json = JsonProjection.toJsonLine(record.value());
            if (fits(json, maxRecordBytes)) {
                context.forward(record.withValue((Object) json));
            } else {
                fail(context, record, "publish.json", "JSON projection of " + json.length()
                        + " chars is over the record limit of " + maxRecordBytes + " bytes", null);
            }
        } catch (RuntimeException e) {
            fail(context, record, "publish.json", "cannot project enriched record: " + e, e);
        }
    }

    /**
     * Whether a JSON line fits the record limit. Checked here, not left to the broker: a refused
     * record would stop an exactly-once application (see RecordLimits). UTF-8 takes at most 3 bytes
     * per char, so most lines need no encoding to be checked.
     */
    static boolean fits(String json, int maxRecordBytes) {
        return (long) json.length() * 3 <= maxRecordBytes
                || json.getBytes(StandardCharsets.UTF_8).length <= maxRecordBytes;
    }

    /** Forwards the dead letter of an article this stage could not handle. */
    static void fail(FixedKeyProcessorContext<String, Object> context, FixedKeyRecord<String, EnrichedArticle> record,
                     String stage, String reason, Throwable error) {
        EnrichedArticle a = record.value();
        DeadLetters.Letter letter = DeadLetters.forRecord(stage, reason, error, context.recordMetadata(),
                record.key(), null, record.headers(), a == null ? record.key() : a.getId(), a == null ? null : a.getUrl());
        context.forward(record.withValue((Object) letter.value()).withHeaders(letter.headers()));
    }
}
