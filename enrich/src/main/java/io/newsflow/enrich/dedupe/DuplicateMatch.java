package io.newsflow.enrich.dedupe;

/**
 * The earlier article a new one duplicates.
 *
 * @param duplicateOf id of the earlier article
 * @param similarity estimated containment of the smaller text in the other, 0..1
 */
public record DuplicateMatch(String duplicateOf, double similarity) {
}
