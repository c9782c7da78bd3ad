package io.newsflow.enrich.keywords;

/**
 * A key phrase of one article.
 *
 * @param phrase the phrase as first written in the article
 * @param score TF-IDF weight against the stream's running document frequencies; higher is more distinctive
 */
public record Keyword(String phrase, double score) {
}
