package io.newsflow.enrich.entities;

import java.util.List;

/** Finds the named entities of an article. Implementations must be thread-safe. */
public interface EntityRecognizer {

    /**
     * Returns the article's entities, most salient first.
     *
     * @param title the headline, or null
     * @param text the body text; mention offsets refer to it
     * @param language ISO 639-1 code of the text, or null/"und" when unknown
     */
    List<Entity> recognize(String title, String text, String language);
}
