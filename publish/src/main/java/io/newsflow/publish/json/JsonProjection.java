package io.newsflow.publish.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.schemas.avro.DateInfo;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.Entity;
import io.newsflow.schemas.avro.Keyphrase;
import io.newsflow.schemas.avro.TopicTag;
import java.util.List;

/**
 * The JSON shape of an enriched article for consumers that do not speak Avro: flat, stable field
 * names, ISO-8601 dates with their original offsets, absent values omitted.
 */
public final class JsonProjection {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(SerializationFeature.INDENT_OUTPUT);

    private JsonProjection() {
    }

    /** The article as a JSON tree. */
    public static ObjectNode toJson(EnrichedArticle a) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("id", a.getId());
        n.put("url", a.getUrl());
        putIfPresent(n, "canonicalUrl", a.getCanonicalUrl());
        putIfPresent(n, "site", a.getSite());
        putIfPresent(n, "title", a.getTitle());
        strings(n, "authors", a.getAuthors());
        date(n, "published", a.getPublished());
        date(n, "modified", a.getModified());
        putIfPresent(n, "language", a.getLanguage());
        putIfPresent(n, "section", a.getSection());
        putIfPresent(n, "description", a.getDescription());
        putIfPresent(n, "summary", a.getSummary());
        putIfPresent(n, "image", a.getImage());
        n.put("wordCount", a.getWordCount());
        n.put("text", a.getText());
        strings(n, "publisherKeywords", a.getPublisherKeywords());
        entities(n, a.getEntities());
        topics(n, a.getTopics());
        keyphrases(n, a.getKeyphrases());
        if (a.getDuplicateOf() != null) {
            n.put("duplicateOf", a.getDuplicateOf());
            n.put("duplicateScore", a.getDuplicateScore());
        }
        n.put("revision", a.getRevision());
        n.put("fetchedAt", a.getFetchedAt().toString());
        ObjectNode source = n.putObject("source");
        source.put("kind", a.getSource().getKind().name());
        putIfPresent(source, "name", a.getSource().getName());
        ObjectNode processing = n.putObject("processing");
        processing.put("enrichedAt", a.getProcessing().getEnrichedAt().toString());
        processing.put("pipelineVersion", a.getProcessing().getPipelineVersion());
        strings(processing, "steps", a.getProcessing().getSteps());
        putIfPresent(processing, "charset", a.getProcessing().getCharset());
        putIfPresent(processing, "emptyReason", a.getProcessing().getEmptyReason());
        strings(processing, "warnings", a.getProcessing().getWarnings());
        return n;
    }

    /** The article as one line of JSON. */
    public static String toJsonLine(EnrichedArticle a) {
        try {
            return MAPPER.writeValueAsString(toJson(a));
        } catch (JsonProcessingException e) {
            // A tree of strings and numbers always serialises; this is a bug, not bad input.
            throw new IllegalStateException("cannot serialise article " + a.getId(), e);
        }
    }

    private static void entities(ObjectNode n, List<Entity> entities) {
        ArrayNode arr = n.putArray("entities");
        for (Entity e : entities) {
            ObjectNode o = arr.addObject();
            o.put("name", e.getName());
            o.put("type", e.getType().name());
            o.put("mentions", e.getMentions());
            o.put("salience", round(e.getSalience()));
            ArrayNode spans = o.putArray("spans");
            e.getSpans().forEach(s -> spans.addArray().add(s.getStart()).add(s.getEnd()));
        }
    }

    private static void topics(ObjectNode n, List<TopicTag> topics) {
        ArrayNode arr = n.putArray("topics");
        for (TopicTag t : topics) {
            arr.addObject().put("code", t.getCode()).put("label", t.getLabel()).put("score", round(t.getScore()));
        }
    }

    private static void keyphrases(ObjectNode n, List<Keyphrase> phrases) {
        ArrayNode arr = n.putArray("keyphrases");
        for (Keyphrase k : phrases) {
            arr.addObject().put("phrase", k.getPhrase()).put("score", round(k.getScore()));
        }
    }

    private static void date(ObjectNode n, String field, DateInfo d) {
        if (d != null) {
            n.put(field, d.getIso());
            n.put(field + "Source", d.getSource());
        }
    }

    private static void strings(ObjectNode n, String field, List<String> values) {
        ArrayNode arr = n.putArray(field);
        values.forEach(arr::add);
    }

    private static void putIfPresent(ObjectNode n, String field, String value) {
        if (value != null) {
            n.put(field, value);
        }
    }

    private static double round(double v) {
        return Math.round(v * 10_000d) / 10_000d;
    }
}
