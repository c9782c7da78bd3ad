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

    /** Default of {@code enrich.entities.max-chars}: far above a long read, small enough for milliseconds. */
    static final int DEFAULT_MAX_CHARS = 100_000;
    /** A headline is never longer; a page's overlong title is read only this far. */
    static final int MAX_TITLE_CHARS = 1_000;

    private final EntityRecognizer recognizer;
    private final int maxEntities;
    private final int maxChars;

    /** A step using this recognizer, keeping at most {@code maxEntities} by salience. */
    public EntitiesStep(EntityRecognizer recognizer, int maxEntities) {
        this(recognizer, maxEntities, DEFAULT_MAX_CHARS);
    }

    /** A step that also reads at most {@code maxChars} characters of the text. */
    public EntitiesStep(EntityRecognizer recognizer, int maxEntities, int maxChars) {
        this.recognizer = recognizer;
        this.maxEntities = maxEntities;
        this.maxChars = maxChars;
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
        List<Entity> found = recognizer.recognize(TextCap.prefix(draft.title(), MAX_TITLE_CHARS),
                TextCap.text(draft, NAME, maxChars), draft.out().getLanguage());
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
