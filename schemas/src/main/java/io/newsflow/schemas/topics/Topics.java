package io.newsflow.schemas.topics;

import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.FetchOutcome;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.avro.TrendingScore;
import io.newsflow.schemas.serde.SerdeFactory;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The one registry of Newsflow's topics and their serdes. Immutable; built from topic names and a
 * {@link SerdeFactory} (registry-backed in services, registry-free in unit tests).
 *
 * @param names the topic names
 * @param raw fetched pages, keyed by article id
 * @param enriched enriched articles, keyed by article id
 * @param deadLetters failures of any stage, keyed by article id when known
 * @param enrichedJson JSON projection of {@code enriched}, keyed by article id
 * @param fetchStatus one outcome per discovered URL, keyed by article id (compacted)
 * @param articlesLatest latest revision of each article, keyed by article id (compacted, tombstones)
 * @param trending final windowed scores, keyed by {@code TYPE:name} of the entity or topic
 */
public record Topics(TopicNames names,
                     Topic<String, RawArticle> raw,
                     Topic<String, EnrichedArticle> enriched,
                     Topic<String, DeadLetter> deadLetters,
                     Topic<String, String> enrichedJson,
                     Topic<String, FetchOutcome> fetchStatus,
                     Topic<String, EnrichedArticle> articlesLatest,
                     Topic<String, TrendingScore> trending) {

    /** Builds the registry: every key is a UTF-8 string (an article id, or an entity for trending). */
    public static Topics create(TopicNames names, SerdeFactory serdes) {
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(serdes, "serdes");
        return new Topics(names,
                new Topic<>(names.raw(), Serdes.String(), serdes.avroValue(RawArticle.class, names.raw())),
                new Topic<>(names.enriched(), Serdes.String(), serdes.avroValue(EnrichedArticle.class, names.enriched())),
                new Topic<>(names.deadLetters(), Serdes.String(),
                        serdes.avroValue(DeadLetter.class, names.deadLetters())),
                new Topic<>(names.enrichedJson(), Serdes.String(), Serdes.String()),
                new Topic<>(names.fetchStatus(), Serdes.String(),
                        serdes.avroValue(FetchOutcome.class, names.fetchStatus())),
                new Topic<>(names.articlesLatest(), Serdes.String(),
                        serdes.avroValue(EnrichedArticle.class, names.articlesLatest())),
                new Topic<>(names.trending(), Serdes.String(),
                        serdes.avroValue(TrendingScore.class, names.trending())));
    }
}
