package io.newsflow.enrich.steps;

import io.newsflow.enrich.entities.Entity;
import io.newsflow.enrich.entities.EntityRecognizer;
import io.newsflow.schemas.avro.EntityType;
import io.newsflow.schemas.avro.Span;
import java.util.List;

/** Finds people, organisations and places in the title and text, with mentions and salience. */
public final class EntitiesStep implements EnrichmentStep {

    /** Name in {@code enrich.steps}. */
    public static final String NAME = "entities";

    private final EntityRecognizer recognizer;
    private final int maxEntities;

    /** A step using this recognizer, keeping at most {@code maxEntities} by salience. */
    public EntitiesStep(EntityRecognizer recognizer, int maxEntities) {
        this.recognizer = recognizer;
        this.maxEntities = maxEntities;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void apply(ArticleDraft draft) {
        if (draft.text().isBlank()) {
            return;
        }
        List<Entity> found = recognizer.recognize(draft.title(), draft.text(), draft.out().getLanguage());
        draft.out().setEntities(found.stream()
                .sorted((a, b) -> Double.compare(b.salience(), a.salience()))
                .limit(maxEntities)
                .map(EntitiesStep::toAvro)
                .toList());
    }

    private static io.newsflow.schemas.avro.Entity toAvro(Entity e) {
        return io.newsflow.schemas.avro.Entity.newBuilder()
                .setName(e.name())
                .setType(EntityType.valueOf(e.type().name()))
                .setMentions(e.mentions())
                .setSalience(e.salience())
                .setSpans(e.spans().stream().map(m -> new Span(m.start(), m.end())).toList())
                .build();
    }
}
