package io.newsflow.enrich.topology;

import io.newsflow.enrich.dedupe.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Second stage of {@link DedupeStage}, keyed by band bucket: the probing article is compared with
 * the articles already in the bucket that are not newer than it (record time), the best one at or
 * above the threshold is answered, and the article joins the bucket. The bucket keeps each
 * article's signature, so the comparison needs nothing from another partition.
 */
final class DedupeBandSearch implements Processor<String, DedupeMessage, String, DedupeMessage> {

    private final double threshold;
    private final Duration retention;
    private ProcessorContext<String, DedupeMessage> context;
    private WindowStore<String, String> buckets;

    DedupeBandSearch(double threshold, Duration retention) {
        this.threshold = threshold;
        this.retention = retention;
    }

    @Override
    public void init(ProcessorContext<String, DedupeMessage> context) {
        this.context = context;
        this.buckets = context.getStateStore(DedupeStage.BUCKETS);
    }

    @Override
    public void process(Record<String, DedupeMessage> record) {
        if (!(record.value() instanceof DedupeMessage.Probe probe)) {
            return; // only probes are routed here (see DedupeStage)
        }
        DedupeMessage.Answer answer;
        try {
            answer = search(record.key(), probe, record.timestamp());
        } catch (RuntimeException e) {
            // The article still gets its answer, so it is published; the gather stage reports the error.
            answer = new DedupeMessage.Answer(probe.round(), null, 0, "band search failed: " + e);
        }
        context.forward(record.withKey(probe.id()).withValue(answer));
    }

    private DedupeMessage.Answer search(String bucket, DedupeMessage.Probe probe, long timestamp) {
        Signature signature = Signature.fromBytes(probe.signature());
        String best = null;
        double bestSimilarity = 0;
        boolean present = false;
        try (WindowStoreIterator<String> it = buckets.fetch(bucket, Instant.ofEpochMilli(timestamp - retention.toMillis()),
                Instant.ofEpochMilli(timestamp))) {
            while (it.hasNext()) {
                String value = it.next().value;
                int bar = value.indexOf('|');
                String candidate = value.substring(0, bar);
                if (candidate.equals(probe.id())) {
                    present = true;
                    continue;
                }
                double similarity = Signature.fromBytes(Base64.getDecoder().decode(value.substring(bar + 1)))
                        .similarity(signature);
                if (similarity >= threshold && similarity > bestSimilarity) {
                    best = candidate;
                    bestSimilarity = similarity;
                }
            }
        }
        if (!present) {
            buckets.put(bucket, probe.id() + "|" + Base64.getEncoder().encodeToString(probe.signature()), timestamp);
        }
        return new DedupeMessage.Answer(probe.round(), best, bestSimilarity, null);
    }
}
