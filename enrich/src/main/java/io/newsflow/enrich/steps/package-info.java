/**
 * The pluggable enrichment steps (extract, language, entities, topics, keywords, summary) and the chain
 * listed in {@code enrich.steps}; a step of your own is a {@link io.newsflow.enrich.steps.StepProvider}.
 */
package io.newsflow.enrich.steps;
