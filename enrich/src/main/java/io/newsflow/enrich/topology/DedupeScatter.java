package io.newsflow.enrich.topology;

import io.newsflow.enrich.dedupe.MinHash;
import io.newsflow.enrich.dedupe.Signature;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.topics.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * First stage of {@link DedupeStage}: the article goes on keyed by its id, announcing how many
 * answers to wait for, and its buckets (one per LSH band and one for the exact text hash) go to the
 * partitions that own them, one probe per partition naming its buckets: with 33 buckets over a few
 * partitions that is a few records where one per bucket made 33 probes and 33 answers per article.
 * A round (the source partition and offset) tells the answers of one arrival of an article from
 * those of a re-fetch that follows closely.
 */
final class DedupeScatter implements Processor<String, EnrichedArticle, String, DedupeMessage> {

    /** Expected answers of an article with no text: none; it is published as it is. */
    static final int UNMARKED = -1;
    /** Prefix of the exact-duplicate bucket keys (band keys start with the band number). */
    static final String HASH_PREFIX = "hash:";

    private final Topics topics;
    private final int partitions;
    private Serializer<EnrichedArticle> serializer;
    private ProcessorContext<String, DedupeMessage> context;

    /** @param partitions the partition count of {@code dedupe-bands} */
    DedupeScatter(Topics topics, int partitions) {
        this.topics = topics;
        this.partitions = partitions;
    }

    @Override
    public void init(ProcessorContext<String, DedupeMessage> context) {
        this.context = context;
        this.serializer = topics.enriched().valueSerde().serializer();
    }

    @Override
    public void process(Record<String, EnrichedArticle> record) {
        EnrichedArticle article = record.value();
        String id = article.getId();
        String round = context.recordMetadata().map(m -> m.partition() + "-" + m.offset())
                .orElse(Long.toString(record.timestamp()));
        byte[] bytes = serializer.serialize(topics.enriched().name(), article);
        if (article.getText().isBlank()) {
            context.forward(record.withKey(id).withValue(new DedupeMessage.Article(round, UNMARKED, null, bytes)));
            return;
        }
        Signature signature;
        String hash;
        try {
            signature = MinHash.signature(article.getText());
            hash = MinHash.contentHash(article.getText());
        } catch (RuntimeException e) {
            // Published without the search; the gather stage writes the dead letter and the warning.
            context.forward(record.withKey(id).withValue(new DedupeMessage.Article(round, 0, "signature failed: " + e, bytes)));
            return;
        }
        Map<Integer, List<String>> byPartition = new TreeMap<>();
        for (String bucket : signature.bandKeys()) {
            byPartition.computeIfAbsent(BandPartitioner.partition(bucket, partitions), p -> new ArrayList<>()).add(bucket);
        }
        String exact = HASH_PREFIX + hash;
        byPartition.computeIfAbsent(BandPartitioner.partition(exact, partitions), p -> new ArrayList<>()).add(exact);
        context.forward(record.withKey(id).withValue(new DedupeMessage.Article(round, byPartition.size(), null, bytes)));
        byte[] sig = signature.toBytes();
        for (List<String> buckets : byPartition.values()) {
            context.forward(record.withKey(buckets.get(0)).withValue(new DedupeMessage.Probe(id, round, sig, buckets)));
        }
    }
}
