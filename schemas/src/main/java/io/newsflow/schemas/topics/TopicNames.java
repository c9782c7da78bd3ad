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
 * @param articlesLatest the latest revision of each article, tombstoned when withdrawn (compacted)
 * @param trending final windowed counts and rising scores of entities and topics
 */
public record TopicNames(String raw, String enriched, String deadLetters, String enrichedJson,
                         String fetchStatus, String deadLetterReplays, String articlesLatest, String trending) {

    /** The default names. */
    public static final TopicNames DEFAULTS = new TopicNames(
            "news.raw.v1", "news.enriched.v1", "news.dlq.v1", "news.enriched.json.v1",
            "news.fetch-status.v1", "news.dlq.replays.v1", "news.articles.latest.v1", "news.trending.v1");

    /** Defaults overridden by {@code topic.raw}, {@code topic.enriched}, {@code topic.dlq}, ... */
    public static TopicNames fromConfig(Map<String, ?> config) {
        return new TopicNames(
                value(config, "topic.raw", DEFAULTS.raw),
                value(config, "topic.enriched", DEFAULTS.enriched),
                value(config, "topic.dlq", DEFAULTS.deadLetters),
                value(config, "topic.enriched-json", DEFAULTS.enrichedJson),
                value(config, "topic.fetch-status", DEFAULTS.fetchStatus),
                value(config, "topic.dlq-replays", DEFAULTS.deadLetterReplays),
                value(config, "topic.articles-latest", DEFAULTS.articlesLatest),
                value(config, "topic.trending", DEFAULTS.trending));
    }

    /** Every topic, in pipeline order, e.g. for creating them. */
    public List<String> all() {
        return List.of(raw, enriched, deadLetters, enrichedJson, fetchStatus, deadLetterReplays, articlesLatest,
                trending);
    }

    /**
     * The topic-level settings of each topic, what {@code newsflow topics create} sets and
     * {@code topics describe} checks:
     * <ul>
     *   <li>{@code cleanup.policy}: compact for the fetch status (its latest record per article id is
     *       ingest's memory of what it fetched), the replay ledger and the latest article by id (a
 *       revision replaces its article, a tombstone removes it); delete elsewhere;</li>
     *   <li>{@code max.message.bytes}: 32 MiB where pages and articles travel (producers cap a request
     *       at 16 MiB; a broker's default of 1 MB would refuse large pages), 1 MiB elsewhere (a dead
     *       letter fits under 1 MB by construction);</li>
     *   <li>{@code retention.ms}: 7 days for raw pages and JSON lines (a replay window), 30 days for
     *       enriched articles and dead letters (time to fix and replay), 7 days for trending scores
 *       (far longer than any baseline).</li>
     * </ul>
     */
    public Map<String, Map<String, String>> topicConfigs() {
        String week = Long.toString(7 * 24L * 3600 * 1000);
        String month = Long.toString(30 * 24L * 3600 * 1000);
        String large = Integer.toString(32 * 1024 * 1024);
        String small = Integer.toString(1024 * 1024);
        Map<String, Map<String, String>> out = new java.util.LinkedHashMap<>();
        out.put(raw, settings("delete", large, week));
        out.put(enriched, settings("delete", large, month));
        out.put(deadLetters, settings("delete", small, month));
        out.put(enrichedJson, settings("delete", large, week));
        out.put(fetchStatus, settings("compact", small, null));
        out.put(deadLetterReplays, settings("compact", small, null));
        out.put(articlesLatest, settings("compact", large, null));
        out.put(trending, settings("delete", small, week));
        return out;
    }

    private static Map<String, String> settings(String cleanup, String maxMessageBytes, String retentionMs) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("cleanup.policy", cleanup);
        m.put("max.message.bytes", maxMessageBytes);
        if (retentionMs != null) {
            m.put("retention.ms", retentionMs);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    private static String value(Map<String, ?> config, String key, String fallback) {
        Object v = config.get(key);
        return v == null || v.toString().isBlank() ? fallback : v.toString().trim();
    }
}
