package io.newsflow.enrich.entities.internal;

import io.newsflow.enrich.entities.EntityType;

/**
 * The type guessed for one candidate name and how sure the rule that chose it is.
 *
 * @param type the entity type, or null when the candidate is not a name
 * @param strength 3 for a lexicon or structural match, 2 for a context cue, 1 for a default guess
 * @param canonical canonical name from a gazetteer, or null
 */
public record Classification(EntityType type, int strength, String canonical) {

    /** A candidate that is no entity. */
    public static final Classification NONE = new Classification(null, 0, null);
}
