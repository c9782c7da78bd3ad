package io.newsflow.publish;

import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.Entity;
import io.newsflow.schemas.avro.EntityType;
import io.newsflow.schemas.avro.Keyphrase;
import io.newsflow.schemas.avro.Processing;
import io.newsflow.schemas.avro.Source;
import io.newsflow.schemas.avro.SourceKind;
import io.newsflow.schemas.avro.TopicTag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds enriched articles for tests, with just the fields a test is about. */
public final class Articles {

    private final EnrichedArticle.Builder b;
    private final List<Entity> entities = new ArrayList<>();
    private final List<TopicTag> topics = new ArrayList<>();
    private final List<Keyphrase> phrases = new ArrayList<>();

    private Articles(String id) {
        b = EnrichedArticle.newBuilder().setId(id).setUrl("https://news.test/" + id).setTitle("Article " + id)
                .setText("Some text.").setWordCount(300).setLanguage("en").setSite("News Test")
                .setFetchedAt(Instant.parse("2024-03-01T11:00:00Z"))
                .setSource(new Source(SourceKind.FILE, id + ".html"))
                .setProcessing(Processing.newBuilder().setEnrichedAt(Instant.parse("2024-03-01T11:00:01Z"))
                        .setPipelineVersion("test").build());
    }

    /** An English article of 300 words on news.test. */
    public static Articles article(String id) {
        return new Articles(id);
    }

    public Articles language(String code) {
        b.setLanguage(code);
        return this;
    }

    public Articles url(String url) {
        b.setUrl(url);
        return this;
    }

    public Articles site(String site) {
        b.setSite(site);
        return this;
    }

    public Articles words(int n) {
        b.setWordCount(n);
        return this;
    }

    public Articles revision(int n) {
        b.setRevision(n);
        return this;
    }

    public Articles duplicateOf(String id) {
        b.setDuplicateOf(id).setDuplicateScore(0.95);
        return this;
    }

    public Articles entity(String name, EntityType type, double salience) {
        entities.add(new Entity(name, type, 1, salience, List.of()));
        return this;
    }

    public Articles topic(String code, String label, double score) {
        topics.add(new TopicTag(code, label, score));
        return this;
    }

    public Articles keyphrase(String phrase) {
        phrases.add(new Keyphrase(phrase, 0.5));
        return this;
    }

    public EnrichedArticle build() {
        return b.setEntities(entities).setTopics(topics).setKeyphrases(phrases).build();
    }
}
