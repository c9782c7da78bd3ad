package io.newsflow.enrich.topology;

import io.newsflow.enrich.dedupe.Signature;
import java.time.Duration;
import java.time.Instant;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Second stage of {@link DedupeStage}, on the partition owning the probe's buckets: the probing
 * article is compared with the articles already in each of its buckets that are not newer than it
 * (record time), the best one at or above the threshold is answered (one answer for all the
 * buckets), and the article joins the buckets. A bucket keeps each article's signature, so the
 * comparison needs nothing from another partition; an article met in several buckets is compared once.
 */
final class DedupeBandSearch implements Processor<String, DedupeMessage, String, DedupeMessage> {

    private final double threshold;
    private final Duration retention;
    private ProcessorContext<String, DedupeMessage> context;
    private WindowStore<String, byte[]> buckets;

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
            answer = search(probe.buckets().isEmpty() ? List.of(record.key()) : probe.buckets(), probe,
                    record.timestamp());
        } catch (RuntimeException e) {
            // The article still gets its answer, so it is published; the gather stage reports the error.
            answer = new DedupeMessage.Answer(probe.round(), null, 0, "band search failed: " + e);
        }
        context.forward(record.withKey(probe.id()).withValue(answer));
    }

    private DedupeMessage.Answer search(List<String> bucketKeys, DedupeMessage.Probe probe, long timestamp) {
        Signature signature = Signature.fromBytes(probe.signature());
        String best = null;
        double bestSimilarity = 0;
        Set<String> compared = new HashSet<>();
        byte[] entry = null;
        for (String bucket : bucketKeys) {
            boolean present = false;
            try (WindowStoreIterator<byte[]> it = buckets.fetch(bucket,
                    Instant.ofEpochMilli(timestamp - retention.toMillis()), Instant.ofEpochMilli(timestamp))) {
                while (it.hasNext()) {
                    ByteBuffer value = ByteBuffer.wrap(it.next().value);
                    byte[] idBytes = new byte[value.getShort()];
                    value.get(idBytes);
                    String candidate = new String(idBytes, StandardCharsets.UTF_8);
                    if (candidate.equals(probe.id())) {
                        present = true;
                        continue;
                    }
                    if (!compared.add(candidate)) {
                        continue;
                    }
                    byte[] other = new byte[value.remaining()];
                    value.get(other);
                    double similarity = Signature.fromBytes(other).similarity(signature);
                    if (similarity >= threshold && similarity > bestSimilarity) {
                        best = candidate;
                        bestSimilarity = similarity;
                    }
                }
            }
            if (!present) {
                if (entry == null) {
                    byte[] idBytes = probe.id().getBytes(StandardCharsets.UTF_8);
                    // Raw bytes, not text: each article sits in 33 buckets, so every byte here counts 33 times.
                    entry = ByteBuffer.allocate(2 + idBytes.length + probe.signature().length)
                            .putShort((short) idBytes.length).put(idBytes).put(probe.signature()).array();
                }
                buckets.put(bucket, entry, timestamp);
            }
        }
        return new DedupeMessage.Answer(probe.round(), best, bestSimilarity, null);
    }
}
