package io.newsflow.enrich.steps;

/**
 * One enrichment step (extract, language, entities, topics, ...). Steps run in the configured
 * order on each article; a step that throws sends the article to the dead-letter topic with the
 * step's name as the failing stage.
 */
public interface EnrichmentStep {

    /** Short name, as used in configuration and in {@code processing.steps}. */
    String name();

    /** True when an article cannot be published without this step (extraction). */
    default boolean required() {
        return false;
    }

    /** Enriches the draft in place. */
    void apply(ArticleDraft draft);
}
