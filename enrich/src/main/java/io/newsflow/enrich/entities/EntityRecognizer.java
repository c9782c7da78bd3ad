package io.newsflow.enrich.entities;

import java.util.List;

/** Finds named entities. */
public interface EntityRecognizer {
    /** Entities of an article. */
    List<Entity> recognize(String title, String text, String language);
}
