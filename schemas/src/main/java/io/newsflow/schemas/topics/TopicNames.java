package io.newsflow.schemas.topics;

import java.util.List;
import java.util.Map;

/**
 * The names of Newsflow's topics. Defaults carry a version suffix; a breaking schema change means
 * a new topic, never an in-place change. Each name can be overridden by a {@code topic.*} key.
 *
 * @param raw fetched pages ({@code RawArticle})
 * @param enriched enriched articles ({@code EnrichedArticle})
 * @param deadLetters records a stage could not process ({@code DeadLetter})
 * @param enrichedJson JSON projection of the enriched stream
 * @param fetchStatus one record per fetch outcome of the ingest stage
 * @param deadLetterReplays which dead letters {@code newsflow dlq replay} has replayed (compacted)
 */
public record TopicNames(String raw, String enriched, String deadLetters, String enrichedJson,
                         String fetchStatus, String deadLetterReplays) {

    /** The default names. */
    public static final TopicNames DEFAULTS = new TopicNames(
            "news.raw.v1", "news.enriched.v1", "news.dlq.v1", "news.enriched.json.v1",
            "news.fetch-status.v1", "news.dlq.replays.v1");

    /** Defaults overridden by {@code topic.raw}, {@code topic.enriched}, {@code topic.dlq}, ... */
    public static TopicNames fromConfig(Map<String, ?> config) {
        return new TopicNames(
                value(config, "topic.raw", DEFAULTS.raw),
                value(config, "topic.enriched", DEFAULTS.enriched),
                value(config, "topic.dlq", DEFAULTS.deadLetters),
                value(config, "topic.enriched-json", DEFAULTS.enrichedJson),
                value(config, "topic.fetch-status", DEFAULTS.fetchStatus),
                value(config, "topic.dlq-replays", DEFAULTS.deadLetterReplays));
    }

    /** Every topic, in pipeline order, e.g. for creating them. */
    public List<String> all() {
        return List.of(raw, enriched, deadLetters, enrichedJson, fetchStatus, deadLetterReplays);
    }

    /**
     * Topic-level settings each topic needs beyond the broker defaults: the fetch-status topic is
     * compacted (its latest record per article id is ingest's memory of what it fetched), and so is
     * the replay ledger (one record per replayed dead letter).
     */
    public Map<String, Map<String, String>> topicConfigs() {
        Map<String, Map<String, String>> out = new java.util.LinkedHashMap<>();
        for (String name : all()) {
            boolean compacted = name.equals(fetchStatus) || name.equals(deadLetterReplays);
            out.put(name, compacted ? Map.of("cleanup.policy", "compact") : Map.of());
        }
        return out;
    }

    private static String value(Map<String, ?> config, String key, String fallback) {
        Object v = config.get(key);
        return v == null || v.toString().isBlank() ? fallback : v.toString().trim();
    }
}
