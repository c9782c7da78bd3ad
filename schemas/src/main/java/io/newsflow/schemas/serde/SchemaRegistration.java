package io.newsflow.schemas.serde;

import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.FetchOutcome;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.avro.TrendingScore;
import io.newsflow.schemas.serde.confluent.ConfluentRegistryClient;
import io.newsflow.schemas.topics.TopicNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * Registers every schema Newsflow writes or reads under its subject ({@code <topic>-value}) and sets
 * the subjects' compatibility, so that producers in any language can fetch {@code RawArticle} by
 * subject before the first record, and a change that would break consumers is refused by the registry.
 */
public final class SchemaRegistration {

    /** The compatibility Newsflow's subjects get: new schemas read data written with the old. */
    public static final String DEFAULT_COMPATIBILITY = "BACKWARD";

    private SchemaRegistration() {
    }

    /** Each subject with its schema (self-contained: every named type inlined), in pipeline order. */
    public static Map<String, Schema> subjects(TopicNames names) {
        Map<String, Schema> out = new LinkedHashMap<>();
        out.put(names.raw() + "-value", RawArticle.getClassSchema());
        out.put(names.enriched() + "-value", EnrichedArticle.getClassSchema());
        out.put(names.deadLetters() + "-value", DeadLetter.getClassSchema());
        out.put(names.fetchStatus() + "-value", FetchOutcome.getClassSchema());
        out.put(names.articlesLatest() + "-value", EnrichedArticle.getClassSchema());
        out.put(names.trending() + "-value", TrendingScore.getClassSchema());
        return out;
    }

    /** Newsflow's record schemas by simple name ({@code RawArticle}, ...), self-contained. */
    public static Map<String, Schema> schemas() {
        Map<String, Schema> out = new LinkedHashMap<>();
        subjects(TopicNames.DEFAULTS).values().forEach(s -> out.put(s.getName(), s));
        return out;
    }

    /**
     * The Confluent-compatible URL of a registry: Apicurio's core API URL ({@code .../apis/registry/v3})
     * becomes its {@code .../apis/ccompat/v7}; any other URL is already one.
     */
    public static String confluentUrl(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        for (String core : List.of("/apis/registry/v3", "/apis/registry/v2")) {
            int at = lower.indexOf(core);
            if (at >= 0) {
                return url.substring(0, at) + "/apis/ccompat/v7";
            }
        }
        return url;
    }

    /** Registers every subject (idempotent) and sets its compatibility; one result per subject. */
    public static List<Registered> register(ConfluentRegistryClient client, TopicNames names, String compatibility) {
        List<Registered> out = new ArrayList<>();
        subjects(names).forEach((subject, schema) -> {
            int id = client.register(subject, schema);
            client.setCompatibility(subject, compatibility);
            out.add(new Registered(subject, schema.getFullName(), id, compatibility));
        });
        return out;
    }

    /**
     * One subject as registered.
     *
     * @param subject the subject
     * @param record the record's full name
     * @param id the schema id
     * @param compatibility the compatibility level set
     */
    public record Registered(String subject, String record, int id, String compatibility) {
    }
}
