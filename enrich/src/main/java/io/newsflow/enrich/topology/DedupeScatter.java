package io.newsflow.enrich.topology;

import io.newsflow.enrich.dedupe.MinHash;
import io.newsflow.enrich.dedupe.Signature;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.topics.Topics;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * First stage of {@link DedupeStage}: the article goes on keyed by its id, announcing how many
 * answers to wait for, and one probe per LSH band and one for the exact text hash go to the
 * partitions of their buckets. A round (the source partition and offset) tells the answers of one
 * arrival of an article from those of a re-fetch that follows closely.
 */
final class DedupeScatter implements Processor<String, EnrichedArticle, String, DedupeMessage> {

    /** Expected answers of an article with no text: none; it is published as it is. */
    static final int UNMARKED = -1;
    /** Prefix of the exact-duplicate bucket keys (band keys start with the band number). */
    static final String HASH_PREFIX = "hash:";

    private final Topics topics;
    private Serializer<EnrichedArticle> serializer;
    private ProcessorContext<String, DedupeMessage> context;

    DedupeScatter(Topics topics) {
        this.topics = topics;
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
        var bands = signature.bandKeys();
        context.forward(record.withKey(id).withValue(new DedupeMessage.Article(round, bands.size() + 1, null, bytes)));
        byte[] sig = signature.toBytes();
        for (String band : bands) {
            context.forward(record.withKey(band).withValue(new DedupeMessage.Probe(id, round, sig)));
        }
        context.forward(record.withKey(HASH_PREFIX + hash).withValue(new DedupeMessage.Probe(id, round, sig)));
    }
}
