package io.newsflow.publish.latest;

import io.newsflow.publish.topology.PublishStores;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.FetchOutcome;
import java.util.Set;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the latest revision of each article and says so on the compacted latest-by-id topic: an
 * article (a first version or a revision) replaces what the store holds and is forwarded; a fetch
 * status of 404 or 410 for an article the store holds (so it was fetched OK before) deletes it and
 * forwards a tombstone. An older revision arriving after a newer one (a replayed dead letter) is
 * ignored, so the topic never goes back in time.
 */
public final class LatestById implements Processor<String, Object, String, EnrichedArticle> {

    /** HTTP statuses that mean the publisher withdrew the page. */
    public static final Set<Integer> WITHDRAWN = Set.of(404, 410);

    private ProcessorContext<String, EnrichedArticle> context;
    private KeyValueStore<String, EnrichedArticle> store;

    @Override
    public void init(ProcessorContext<String, EnrichedArticle> context) {
        this.context = context;
        this.store = context.getStateStore(PublishStores.ARTICLES);
    }

    @Override
    public void process(Record<String, Object> record) {
        String id = record.key();
        if (id == null) {
            return; // Enrich keys every article by id; a keyless record cannot replace anything.
        }
        if (record.value() instanceof EnrichedArticle article) {
            EnrichedArticle held = store.get(id);
            if (held != null && held.getRevision() > article.getRevision()) {
                return;
            }
            store.put(id, article);
            context.forward(record.withValue(article));
        } else if (record.value() instanceof FetchOutcome outcome && isWithdrawal(outcome) && store.get(id) != null) {
            store.delete(id);
            context.forward(record.withValue((EnrichedArticle) null));
        }
    }

    /** A fetch that found the page gone (HTTP 404 or 410). */
    static boolean isWithdrawal(FetchOutcome outcome) {
        return "HTTP_ERROR".equals(outcome.getStatus()) && WITHDRAWN.contains(outcome.getHttpStatus());
    }
}
