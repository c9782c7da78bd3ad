package io.newsflow.enrich.topology;

import io.newsflow.enrich.dedupe.MinHash;
import io.newsflow.enrich.dedupe.Signature;
import io.newsflow.enrich.steps.StepSettings;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.deadletter.DeadLetters;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Marks revisions and near-duplicates. The same id seen again with a different text is a new
 * revision of the same article; a different id whose text is nearly the same as an article of
 * the last days (wire copies, trimmed copies) gets {@code duplicateOf} and a similarity. Records
 * are always published: consumers decide what to do with duplicates.
 *
 * <p>Near-duplicates can sit on any partition, so this processor runs after a repartition to a
 * single partition. At news volume (the world's output is about 12 articles a second) one task
 * keeps up with a wide margin; state is two windowed stores that forget entries older than the
 * retention, so it stays bounded.
 */
final class DedupeProcessor implements Processor<String, EnrichedArticle, String, Outcome> {

    /** LSH band key → ids of articles having that band. */
    static final String BANDS = "dedupe-bands";
    /** Article id → revision, content hash and MinHash signature. */
    static final String SIGNATURES = "dedupe-signatures";


    private final double threshold;
    private final Duration retention;
    private final String deadLetterTopicNote;
    private ProcessorContext<String, Outcome> context;
    private WindowStore<String, String> bands;
    private WindowStore<String, String> signatures;

    DedupeProcessor(StepSettings settings, String deadLetterTopic) {
        this.threshold = settings.getDouble("dedupe.threshold", io.newsflow.enrich.dedupe.NearDuplicateIndex.DEFAULT_THRESHOLD);
        this.retention = retention(settings);
        this.deadLetterTopicNote = deadLetterTopic;
    }

    static Duration retention(StepSettings settings) {
        return Duration.ofDays(settings.getInt("dedupe.retention-days", 7));
    }

    /** The two stores, retained for {@code dedupe.retention-days} (default 7). */
    static List<StoreBuilder<? extends StateStore>> stores(StepSettings settings) {
        Duration r = retention(settings);
        Duration segment = Duration.ofHours(1);
        return List.of(
                Stores.windowStoreBuilder(Stores.persistentWindowStore(BANDS, r.plus(segment), segment, true),
                        Serdes.String(), Serdes.String()),
                Stores.windowStoreBuilder(Stores.persistentWindowStore(SIGNATURES, r.plus(segment), segment, false),
                        Serdes.String(), Serdes.String()));
    }

    @Override
    public void init(ProcessorContext<String, Outcome> context) {
        this.context = context;
        this.bands = context.getStateStore(BANDS);
        this.signatures = context.getStateStore(SIGNATURES);
    }

    @Override
    public void process(Record<String, EnrichedArticle> record) {
        EnrichedArticle article = record.value();
        try {
            if (!article.getText().isBlank()) {
                mark(article, record.timestamp());
            }
        } catch (RuntimeException e) {
            reportFailure(record, e);
            article.getProcessing().setWarnings(append(article.getProcessing().getWarnings(),
                    "dedupe failed (" + e.getClass().getSimpleName() + "); see " + deadLetterTopicNote));
        }
        context.forward(record.withValue(new Outcome.Enriched(article)));
    }

    private void mark(EnrichedArticle article, long timestamp) {
        String id = article.getId();
        Signature signature = MinHash.signature(article.getText());
        String hash = MinHash.contentHash(article.getText());
        Stored previous = latest(id, timestamp);
        boolean changed = previous == null || !previous.hash().equals(hash);
        int revision = previous == null ? 1 : (changed ? previous.revision() + 1 : previous.revision());
        article.setRevision(revision);
        findDuplicate(id, signature, timestamp).ifPresent(match -> {
            article.setDuplicateOf(match.id());
            article.setDuplicateScore(Math.round(match.similarity() * 1000) / 1000.0);
        });
        if (changed) {
            signatures.put(id, revision + "|" + hash + "|" + Base64.getEncoder().encodeToString(signature.toBytes()),
                    timestamp);
            for (String key : signature.bandKeys()) {
                bands.put(key, id, timestamp);
            }
        }
        article.getProcessing().setSteps(append(article.getProcessing().getSteps(), "dedupe"));
    }

    private java.util.Optional<Match> findDuplicate(String id, Signature signature, long timestamp) {
        Set<String> seen = new HashSet<>();
        seen.add(id);
        Match best = null;
        Instant from = Instant.ofEpochMilli(timestamp - retention.toMillis());
        Instant to = Instant.ofEpochMilli(timestamp);
        for (String key : signature.bandKeys()) {
            try (WindowStoreIterator<String> it = bands.fetch(key, from, to)) {
                while (it.hasNext()) {
                    String candidate = it.next().value;
                    if (!seen.add(candidate)) {
                        continue;
                    }
                    Stored stored = latest(candidate, timestamp);
                    if (stored == null) {
                        continue;
                    }
                    double similarity = stored.signature().similarity(signature);
                    if (similarity >= threshold && (best == null || similarity > best.similarity())) {
                        best = new Match(candidate, similarity);
                    }
                }
            }
        }
        return java.util.Optional.ofNullable(best);
    }

    private Stored latest(String id, long timestamp) {
        String value = null;
        try (WindowStoreIterator<String> it = signatures.fetch(id,
                Instant.ofEpochMilli(timestamp - retention.toMillis()), Instant.ofEpochMilli(Long.MAX_VALUE / 2))) {
            while (it.hasNext()) {
                value = it.next().value;
            }
        }
        if (value == null) {
            return null;
        }
        String[] parts = value.split("\\|", 3);
        return new Stored(Integer.parseInt(parts[0]), parts[1], Signature.fromBytes(Base64.getDecoder().decode(parts[2])));
    }

    private void reportFailure(Record<String, EnrichedArticle> record, RuntimeException e) {
        EnrichedArticle a = record.value();
        // The enriched value is not kept: its source coordinates (the repartition topic) and the raw
        // record it came from identify it, and replaying the raw record redoes the whole chain.
        DeadLetters.Letter letter = DeadLetters.forRecord("enrich.dedupe", "dedupe failed: " + e, e,
                context.recordMetadata(), a.getId(), null, null, a.getId(), a.getUrl());
        context.forward(record.withValue((Outcome) new Outcome.Failed(letter.value())).withHeaders(letter.headers()));
    }

    private static List<String> append(List<String> list, String item) {
        List<String> out = new java.util.ArrayList<>(list);
        out.add(item);
        return out;
    }

    private record Stored(int revision, String hash, Signature signature) {
    }

    private record Match(String id, double similarity) {
    }

}
