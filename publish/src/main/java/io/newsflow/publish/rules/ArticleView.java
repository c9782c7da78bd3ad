package io.newsflow.publish.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.schemas.avro.EnrichedArticle;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a rule can look at in an article, the same whether the article is the Avro record (the
 * topology, the live stream) or its JSON projection (a sample file for {@code routes check},
 * {@code tail}).
 *
 * @param language ISO 639-1 code, or null
 * @param site site name, or null
 * @param host the URL's host in lower case, or null
 * @param wordCount words in the text
 * @param duplicate whether enrich found it a near-duplicate of an earlier article
 * @param entities named entities
 * @param topics IPTC topics
 * @param keyphrases key phrases
 */
public record ArticleView(String language, String site, String host, int wordCount, boolean duplicate,
                          List<EntityView> entities, List<TopicView> topics, List<String> keyphrases) {

    /** An entity: name, type name ({@code PERSON}...), salience 0..1. */
    public record EntityView(String name, String type, double salience) {
    }

    /** An IPTC topic: code, label, score. */
    public record TopicView(String code, String label, double score) {
    }

    /** The view of an Avro article. */
    public static ArticleView of(EnrichedArticle a) {
        List<EntityView> entities = new ArrayList<>(a.getEntities().size());
        a.getEntities().forEach(e -> entities.add(new EntityView(e.getName(), e.getType().name(), e.getSalience())));
        List<TopicView> topics = new ArrayList<>(a.getTopics().size());
        a.getTopics().forEach(t -> topics.add(new TopicView(t.getCode(), t.getLabel(), t.getScore())));
        List<String> phrases = new ArrayList<>(a.getKeyphrases().size());
        a.getKeyphrases().forEach(k -> phrases.add(k.getPhrase()));
        return new ArticleView(a.getLanguage(), a.getSite(), host(a.getUrl()), a.getWordCount(),
                a.getDuplicateOf() != null, entities, topics, phrases);
    }

    /** The view of an article's JSON projection (as {@code news.enriched.json.v1} carries it). */
    public static ArticleView of(JsonNode a) {
        List<EntityView> entities = new ArrayList<>();
        a.path("entities").forEach(e -> entities.add(new EntityView(e.path("name").asText(),
                e.path("type").asText(), e.path("salience").asDouble())));
        List<TopicView> topics = new ArrayList<>();
        a.path("topics").forEach(t -> topics.add(new TopicView(t.path("code").asText(), t.path("label").asText(),
                t.path("score").asDouble())));
        List<String> phrases = new ArrayList<>();
        a.path("keyphrases").forEach(k -> phrases.add(k.path("phrase").asText()));
        return new ArticleView(text(a, "language"), text(a, "site"), host(text(a, "url")),
                a.path("wordCount").asInt(), a.hasNonNull("duplicateOf"), entities, topics, phrases);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String host(String url) {
        if (url == null) {
            return null;
        }
        try {
            String host = URI.create(url).getHost();
            return host == null ? null : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null; // A URL Java cannot parse simply has no host to match a site rule.
        }
    }
}
