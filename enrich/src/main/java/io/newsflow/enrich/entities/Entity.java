package io.newsflow.enrich.entities;

import java.util.List;

/**
 * A named entity of one article with all its resolved mentions.
 *
 * @param name normalised name: the fullest form used in the article, honorifics and titles removed
 * @param type entity class
 * @param mentions number of mentions in the title and the body
 * @param spans offsets of the mentions in the body text (title mentions are counted but have no span)
 * @param salience 0..1, how central the entity is: title and lead mentions weigh more, 1 for the most salient
 */
public record Entity(String name, EntityType type, int mentions, List<Mention> spans, double salience) {

    /** Copies the span list so the record stays immutable. */
    public Entity {
        spans = List.copyOf(spans);
    }
}
