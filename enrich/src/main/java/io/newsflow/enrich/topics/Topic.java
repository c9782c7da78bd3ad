package io.newsflow.enrich.topics;

/**
 * An IPTC Media Topic assigned to an article.
 *
 * @param code the IPTC code, e.g. {@code "medtop:11000000"}
 * @param label the IPTC name, e.g. {@code "politics"}
 * @param score 0..1, the topic's share of the article's evidence
 */
public record Topic(String code, String label, double score) {
}
